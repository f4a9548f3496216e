package dev.jitgroups.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.InvalidPolicyException;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.policy.PrincipalRef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Managed-group configuration is bound strictly and every problem names its key. */
class PolicyConfigurationTest {

    static Map<String, String> valid() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("jit.groups[0].name", "tier0-admins");
        p.put("jit.groups[0].display-name", "Tier 0 admins");
        p.put("jit.groups[0].dn", "CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example");
        p.put("jit.groups[0].eligible[0]", "group:CN=Tier0 Eligible,OU=Groups,DC=corp,DC=example");
        p.put("jit.groups[0].eligible[1]", "alice@corp.example");
        p.put("jit.groups[0].max-duration", "4h");
        p.put("jit.groups[0].default-duration", "1h");
        p.put("jit.groups[0].justification-required", "true");
        p.put("jit.groups[0].ticket.required", "true");
        p.put("jit.groups[0].ticket.pattern", "INC\\d{6}");
        p.put("jit.groups[0].approvers[0]", "group:CN=Tier0 Approvers,OU=Groups,DC=corp,DC=example");
        p.put("jit.groups[0].approvers[1]", "manager");
        p.put("jit.groups[0].required-approvals", "2");
        p.put("jit.groups[0].approval-timeout", "8h");
        p.put("jit.groups[0].reminder-after", "1h");
        p.put("jit.groups[0].escalation-approvers[0]", "carol@corp.example");
        p.put("jit.groups[0].break-glass", "false");
        p.put("jit.groups[0].notify-channel", "tier0-feed");
        return p;
    }

    static PolicyCatalog bind(Map<String, String> properties) {
        MockEnvironment env = new MockEnvironment();
        properties.forEach(env::setProperty);
        return PolicyBinding.bind(env);
    }

    @Test
    void policies_in_a_file_of_higher_precedence_replace_the_packaged_demo_list_whole() {
        MockEnvironment env = new MockEnvironment();
        Map<String, Object> demo = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            demo.put("jit.groups[" + i + "].name", "demo-" + i);
            demo.put("jit.groups[" + i + "].dn", "CN=Demo " + i + ",OU=Privileged,DC=corp,DC=example");
            demo.put("jit.groups[" + i + "].eligible[0]", "alice@corp.example");
            demo.put("jit.groups[" + i + "].approvers[0]", "carol@corp.example");
            demo.put("jit.groups[" + i + "].max-duration", "1h");
        }
        env.getPropertySources().addLast(new MapPropertySource("packaged application.yml", demo));
        env.getPropertySources().addFirst(new MapPropertySource("policies.yml", Map.of(
                "jit.groups[0].name", "tier0-admins", "jit.groups[0].dn",
                "CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example", "jit.groups[0].eligible[0]", "bob@corp.example",
                "jit.groups[0].required-approvals", "0", "jit.groups[0].max-duration", "2h")));

        PolicyCatalog catalog = PolicyBinding.bind(env);

        assertThat(catalog.all()).extracting(GroupPolicy::name).containsExactly("tier0-admins");
    }

    @Test
    void documented_example_binds_to_a_policy() {
        GroupPolicy p = bind(valid()).find("tier0-admins").orElseThrow();
        assertThat(p.maxDuration()).isEqualTo(Duration.ofHours(4));
        assertThat(p.requiredApprovals()).isEqualTo(2);
        assertThat(p.approvers()).containsExactly(
                new PrincipalRef.AdGroup(Dn.parse("CN=Tier0 Approvers,OU=Groups,DC=corp,DC=example")), new PrincipalRef.Manager());
        assertThat(p.ticket().accepts("INC123456")).isTrue();
        assertThat(p.ticket().accepts("INC12")).isFalse();
        assertThat(p.reminderAfter()).contains(Duration.ofHours(1));
        assertThat(p.notifyChannel()).contains("tier0-feed");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "jit.groups[0].max-duration   | 4 hours        | jit.groups[0].max-duration: '4 hours' is not a duration",
        "jit.groups[0].default-duration | 5h           | jit.groups[0].default-duration: (5h) must not exceed max-duration",
        "jit.groups[0].dn             | Tier0 Admins   | jit.groups[0].dn: 'Tier0 Admins' is not a distinguished name",
        "jit.groups[0].approvers[1]   | boss           | ",
        "jit.groups[0].approvers[0]   | group:Tier0    | jit.groups[0].approvers[0]: 'group:Tier0' is not group:<DN>",
        "jit.groups[0].eligible[1]    | entra-group:x  | jit.groups[0].eligible[1]: 'entra-group:x' is not entra-group:<objectId>",
        "jit.groups[0].ticket.pattern | INC(\\d{6}     | jit.groups[0].ticket.pattern: 'INC(\\d{6}' is not a valid regular expression",
        "jit.groups[0].required-approvals | 11         | jit.groups[0].required-approvals: (11) must be between 0 and 10",
        "jit.groups[0].required-approvals | two        | jit.groups[0].required-approvals: 'two' cannot be read",
        "jit.groups[0].reminder-after | 9h             | jit.groups[0].reminder-after: (9h) must be shorter than approval-timeout",
        "jit.groups[0].name           | Tier 0         | jit.groups[0].name: 'Tier 0' must be lower-case letters",
        "jit.groups[0].max-duraton    | 4h             | jit.groups[0].max-duraton: is not a known key",
    })
    void malformed_value_is_rejected_naming_its_key(String key, String value, String expected) {
        Map<String, String> p = valid();
        p.put(key, value);
        if (expected == null) {
            // 'boss' is a valid sAMAccountName reference: accepted
            assertThat(bind(p).all()).hasSize(1);
            return;
        }
        assertThatThrownBy(() -> bind(p)).isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void missing_keys_and_duplicates_are_all_reported_at_once() {
        Map<String, String> p = valid();
        p.remove("jit.groups[0].max-duration");
        p.remove("jit.groups[0].approvers[0]");
        p.remove("jit.groups[0].approvers[1]");
        p.put("jit.groups[1].name", "tier0-admins");
        p.put("jit.groups[1].dn", "CN=Other,DC=corp,DC=example");
        p.put("jit.groups[1].eligible[0]", "bob");
        p.put("jit.groups[1].max-duration", "1h");
        p.put("jit.groups[1].required-approvals", "0");
        assertThatThrownBy(() -> bind(p)).isInstanceOfSatisfying(InvalidPolicyException.class, e ->
                assertThat(e.problems()).anySatisfy(m -> assertThat(m).startsWith("jit.groups[0].max-duration: is missing"))
                        .anySatisfy(m -> assertThat(m).startsWith("jit.groups[0].approvers: is missing"))
                        .hasSize(2));
        p.put("jit.groups[0].max-duration", "4h");
        p.put("jit.groups[0].approvers[0]", "carol");
        assertThatThrownBy(() -> bind(p)).hasMessageContaining("jit.groups[1].name: 'tier0-admins' is used by another group");
    }

    @Test
    void break_glass_needs_no_approvers_but_always_a_reason() {
        Map<String, String> p = valid();
        p.put("jit.groups[0].break-glass", "true");
        p.put("jit.groups[0].justification-required", "false");
        assertThatThrownBy(() -> bind(p)).hasMessageContaining("jit.groups[0].justification-required: must be true");
        p.remove("jit.groups[0].justification-required");
        GroupPolicy glass = bind(p).all().get(0);
        assertThat(glass.activatesWithoutApproval()).isTrue();
        assertThat(glass.justificationRequired()).isTrue();
    }
}
