package dev.jitgroups.core.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitgroups.core.policy.InvalidPolicyException;
import dev.jitgroups.core.testing.CoreTestApplication;
import dev.jitgroups.core.testing.FakeDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A configured group that Entra Cloud Sync provisions stops start-up, naming the key and the reason. */
class CloudSyncRefusalTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class HelpdeskFromTheCloud {

        @Bean
        @Primary
        FakeDirectory cloudSyncedHelpdesk() {
            FakeDirectory directory = FakeDirectory.demo();
            directory.provisionByCloudSync(FakeDirectory.HELPDESK);
            return directory;
        }
    }

    @Test
    void start_up_refuses_a_group_provisioned_by_entra_cloud_sync() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CoreTestApplication.class, HelpdeskFromTheCloud.class)
                .run("--spring.datasource.url=jdbc:h2:mem:cloud-sync-refusal;DB_CLOSE_DELAY=-1", "--spring.jmx.enabled=false")
                .close())
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("jit.groups[2].dn: group helpdesk (" + FakeDirectory.HELPDESK + ")")
                .hasMessageContaining("is provisioned by Entra Cloud Sync (msDS-ExternalDirectoryObjectId=Group_");
    }
}
