package dev.jitgroups.ldap.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import dev.jitgroups.core.policy.InvalidPolicyException;
import dev.jitgroups.ldap.embedded.EmbeddedDirectory;
import dev.jitgroups.ldap.health.DirectoryHealthIndicator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The checks of the configured groups against the directory at start-up and in health, with the demo forest
 * (which has a group provisioned by Entra Cloud Sync: Samba's schema cannot hold the attributes that mark one).
 */
@ExtendWith(OutputCaptureExtension.class)
class ManagedGroupStartupTest {

    private static final String HELPDESK = "CN=JIT Helpdesk Ops,OU=Privileged,DC=corp,DC=example";
    private static final String CLOUD_SYNCED = "CN=Cloud Synced Admins,OU=Privileged,DC=corp,DC=example";

    @Test
    void a_group_provisioned_by_entra_cloud_sync_stops_start_up_naming_the_key_and_the_reason() {
        Map<String, Object> properties = policies("jdbc:h2:mem:cloud-sync-" + System.nanoTime());
        properties.put("jit.groups[1].name", "cloud-admins");
        properties.put("jit.groups[1].dn", CLOUD_SYNCED);
        properties.put("jit.groups[1].eligible[0]", "alice");
        properties.put("jit.groups[1].max-duration", "1h");
        properties.put("jit.groups[1].required-approvals", "0");

        assertThatThrownBy(() -> new SpringApplicationBuilder(WorkflowOnLdap.class).properties(properties).run().close())
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("jit.groups[1].dn: group cloud-admins (" + CLOUD_SYNCED + ") is provisioned by Entra "
                        + "Cloud Sync (msDS-ExternalDirectoryObjectId=Group_6b1f0c3e-5d8a-4c2b-9e7f-1a2b3c4d5e6f)")
                .hasMessageContaining("refuses to manage it")
                .message().doesNotContain("jit.groups[0]");
    }

    @Test
    void a_group_renamed_in_ad_is_reported_at_start_up_and_in_health_with_the_key_to_fix(CapturedOutput output)
            throws Exception {
        String moved = "CN=JIT Helpdesk Ops (retired),OU=Groups,DC=corp,DC=example";
        try (EmbeddedDirectory directory = EmbeddedDirectory.start("DC=corp,DC=example", 0, null)) {
            Map<String, Object> properties = policies("jdbc:h2:mem:renamed-group-" + System.nanoTime());
            properties.putAll(EmbeddedFixture.applicationProperties(directory));
            String expected = "group helpdesk (" + HELPDESK + ") was renamed/moved to " + moved + "; update jit.groups[0].dn";
            try (ConfigurableApplicationContext first = new SpringApplicationBuilder(WorkflowOnLdap.class).properties(properties)
                    .run()) {
                assertThat(first.getBean(DirectoryHealthIndicator.class).health().getDetails()).doesNotContainKey("groups");
                try (LDAPConnection admin = new LDAPConnection("127.0.0.1", directory.port(), directory.bindDn(),
                        directory.bindPassword())) {
                    admin.modifyDN(HELPDESK, "CN=JIT Helpdesk Ops (retired)", true, "OU=Groups,DC=corp,DC=example");
                }

                Health health = first.getBean(DirectoryHealthIndicator.class).health();
                assertThat(health.getDetails().get("groups")).isEqualTo(Map.of("helpdesk", expected));
            }

            try (ConfigurableApplicationContext second = new SpringApplicationBuilder(WorkflowOnLdap.class).properties(properties)
                    .run()) {
                assertThat(output.getOut()).containsPattern("ERROR .*" + java.util.regex.Pattern.quote(expected));
            }
        }
    }

    /** One managed group (helpdesk) on a database of its own; no embedded directory unless urls are added. */
    private static Map<String, Object> policies(String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database + ";DB_CLOSE_DELAY=-1");
        properties.put("spring.main.web-application-type", "none");
        properties.put("spring.jmx.enabled", "false");
        properties.put("jit.groups[0].name", "helpdesk");
        properties.put("jit.groups[0].dn", HELPDESK);
        properties.put("jit.groups[0].eligible[0]", "alice");
        properties.put("jit.groups[0].max-duration", "1h");
        properties.put("jit.groups[0].required-approvals", "0");
        return properties;
    }
}
