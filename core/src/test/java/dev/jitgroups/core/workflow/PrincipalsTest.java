package dev.jitgroups.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.directory.EntraException;
import dev.jitgroups.core.directory.EntraGroups;
import dev.jitgroups.core.policy.PrincipalRef;
import dev.jitgroups.core.testing.FakeDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * {@code entra-group:} references when Entra ID cannot answer: the check fails closed, but as an outage the caller can
 * name, never as a quiet "not covered"; a reference that does not need Entra ID still covers whom it covers.
 */
class PrincipalsTest {

    static final String CLOUD_APPROVERS = "0f6a1c2e-1111-2222-3333-444455556666";

    final FakeDirectory directory = FakeDirectory.demo();
    final EntraStandIn entra = new EntraStandIn();
    final Principals principals = new Principals(directory, new StaticListableBeanFactory(Map.of("entra", entra))
            .getBeanProvider(EntraGroups.class));

    @Test
    void an_entra_group_member_is_covered_while_entra_answers() {
        assertThat(principals.covers(List.of(new PrincipalRef.EntraGroup(CLOUD_APPROVERS)), account("carol"),
                Optional.empty())).isTrue();
        assertThat(principals.covers(List.of(new PrincipalRef.EntraGroup(CLOUD_APPROVERS)), account("bob"),
                Optional.empty())).isFalse();
    }

    @Test
    void entra_down_is_thrown_not_taken_as_not_covered() {
        entra.down = true;

        assertThatThrownBy(() -> principals.covers(List.of(new PrincipalRef.EntraGroup(CLOUD_APPROVERS)),
                account("carol"), Optional.empty())).isInstanceOfSatisfying(EntraException.class,
                        e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void entra_down_does_not_hide_a_reference_that_needs_no_entra() {
        entra.down = true;
        List<PrincipalRef> refs = List.of(new PrincipalRef.EntraGroup(CLOUD_APPROVERS),
                new PrincipalRef.AdGroup(Dn.parse(FakeDirectory.TIER0_APPROVERS)));

        assertThat(principals.covers(refs, account("dave"), Optional.empty())).isTrue();
        assertThatThrownBy(() -> principals.covers(refs, account("bob"), Optional.empty()))
                .isInstanceOf(EntraException.class);
    }

    private Account account(String name) {
        return directory.findUser(name).orElseThrow();
    }

    /** Entra ID as the port sees it: Carol is in the cloud approvers group; it can be made unreachable. */
    static final class EntraStandIn implements EntraGroups {

        volatile boolean down;

        @Override
        public boolean isMember(Account user, String groupObjectId) {
            if (down) {
                throw new EntraException("Microsoft Graph could not be reached", true, null);
            }
            return CLOUD_APPROVERS.equals(groupObjectId) && Set.of("carol").contains(user.samAccountName());
        }
    }
}
