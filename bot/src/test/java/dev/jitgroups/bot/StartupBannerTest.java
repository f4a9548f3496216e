package dev.jitgroups.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.policy.PolicySource;
import dev.jitgroups.core.policy.PolicyValidation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

class StartupBannerTest {

    @Test
    void banner_names_the_endpoint_and_each_group_with_its_rules() {
        PolicyCatalog catalog = PolicyValidation.validate("jit.groups", List.of(new PolicySource("helpdesk", "Helpdesk",
                "CN=Helpdesk,DC=corp,DC=example", List.of("alice"), "2h", null, false,
                new PolicySource.TicketSource(true, "INC\\d{6}"), List.of(), 0, null, null, List.of(), false, null,
                List.of())));
        MockEnvironment env = new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("local.server.port", "3978");
        StartupBanner banner = new StartupBanner(env, catalog,
                new StaticListableBeanFactory().getBeanProvider(dev.jitgroups.ldap.embedded.EmbeddedDirectory.class));

        assertThat(banner.text()).contains("http://127.0.0.1:3978/api/messages")
                .contains("helpdesk (Helpdesk): up to 2h, no approval, a ticket like INC123456")
                .doesNotContain("Embedded demo directory");
    }
}
