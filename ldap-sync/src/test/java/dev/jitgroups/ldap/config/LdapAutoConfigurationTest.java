package dev.jitgroups.ldap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.GroupMembership;
import dev.jitgroups.ldap.embedded.EmbeddedDirectory;
import dev.jitgroups.ldap.health.DirectoryHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LdapAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LdapAutoConfiguration.class));

    @Test
    void without_urls_the_ports_are_served_by_the_embedded_demo_directory() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(AccountDirectory.class).hasSingleBean(GroupMembership.class)
                    .hasSingleBean(EmbeddedDirectory.class);
            assertThat(context.getBean(AccountDirectory.class).findUser("alice@corp.example")).isPresent();
            assertThat(context.getBean(EmbeddedDirectory.class).url()).startsWith("ldap://127.0.0.1:");
            assertThat(context.getBean(DirectoryHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void health_is_down_with_the_reason_when_the_directory_stops_answering() {
        runner.withPropertyValues("jit.ldap.connect-timeout=1s", "jit.ldap.response-timeout=2s").run(context -> {
            context.getBean(EmbeddedDirectory.class).server().shutDown(true);

            assertThat(context.getBean(DirectoryHealthIndicator.class).health()).satisfies(health -> {
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsKey("error");
            });
        });
    }

    @Test
    void with_urls_it_connects_to_the_configured_server_and_starts_no_embedded_one() throws Exception {
        try (EmbeddedDirectory server = EmbeddedDirectory.start("DC=corp,DC=example", 0, null)) {
            runner.withPropertyValues("jit.ldap.urls=" + server.url(), "jit.ldap.allow-plain=true",
                    "jit.ldap.bind-dn=" + server.bindDn(), "jit.ldap.password=" + server.bindPassword(),
                    "jit.ldap.base-dn=DC=corp,DC=example").run(context -> {
                        assertThat(context).doesNotHaveBean(EmbeddedDirectory.class);
                        assertThat(context.getBean(AccountDirectory.class).findUser("bob")).isPresent();
                    });
        }
    }

    @Test
    void invalid_settings_stop_start_up_with_the_key_named() {
        runner.withPropertyValues("jit.ldap.urls=ldap://dc1.corp.example", "jit.ldap.bind-dn=svc", "jit.ldap.password=pw",
                "jit.ldap.base-dn=DC=corp,DC=example").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("jit.ldap.bind-dn")
                            .hasMessageContaining("jit.ldap.urls[0]").hasMessageNotContaining("pw,");
                });
    }

    @Test
    void a_wrong_password_stops_start_up_with_a_clear_message() throws Exception {
        try (EmbeddedDirectory server = EmbeddedDirectory.start("DC=corp,DC=example", 0, null)) {
            runner.withPropertyValues("jit.ldap.urls=" + server.url(), "jit.ldap.allow-plain=true",
                    "jit.ldap.bind-dn=" + server.bindDn(), "jit.ldap.password=wrong", "jit.ldap.base-dn=DC=corp,DC=example")
                    .run(context -> assertThat(context.getStartupFailure()).hasMessageContaining("jit.ldap.bind-dn"));
        }
    }

    @Test
    void the_health_indicator_needs_actuator_health_on_the_class_path() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AccountDirectory.class);
            assertThat(context).doesNotHaveBean(DirectoryHealthIndicator.class);
        });
    }
}
