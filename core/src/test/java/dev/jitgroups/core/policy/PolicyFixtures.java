package dev.jitgroups.core.policy;

import dev.jitgroups.core.directory.Dn;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Group policies for tests of pure rules: one approval by Carol, eligible anyone the test says. */
final class PolicyFixtures {

    static final String DN = "CN=Test Group,OU=Privileged,DC=corp,DC=example";

    private PolicyFixtures() {
    }

    static GroupPolicy policy(String name, String displayName, Duration max, boolean justificationRequired,
            TicketRule ticket) {
        return new GroupPolicy(name, displayName, Dn.parse(DN), List.of(), max, Duration.ofHours(1), justificationRequired,
                ticket, List.of(PrincipalRef.parse("carol@corp.example")), 1, Duration.ofHours(8), Optional.empty(),
                List.of(), false, Optional.empty(), List.of());
    }
}
