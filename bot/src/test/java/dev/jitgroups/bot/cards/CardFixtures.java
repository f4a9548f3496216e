package dev.jitgroups.bot.cards;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PrincipalRef;
import dev.jitgroups.core.policy.TicketRule;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Fixed requests and policies, so that cards come out the same every time. */
final class CardFixtures {

    static final Instant T0 = Instant.parse("2026-11-29T20:00:00Z");
    static final Account ALICE = new Account("S-1-5-21-1-2-3-1101", "CN=Alice Adams,OU=People,DC=corp,DC=example",
            "alice@corp.example", "alice", "Alice Adams", true);
    static final Account CAROL = new Account("S-1-5-21-1-2-3-1103", "CN=Carol Clark,OU=People,DC=corp,DC=example",
            "carol@corp.example", "carol", "Carol Clark", true);
    static final GroupPolicy SERVER_ADMINS = new GroupPolicy("server-admins", "JIT Server Admins",
            Dn.parse("CN=JIT Server Admins,OU=Privileged,DC=corp,DC=example"),
            List.of(PrincipalRef.parse("group:CN=Server Eligible,OU=Groups,DC=corp,DC=example")), Duration.ofHours(8),
            Duration.ofHours(2), true, new TicketRule(true, Optional.of(Pattern.compile("INC\\d{6}"))),
            List.of(PrincipalRef.parse("group:CN=Server Approvers,OU=Groups,DC=corp,DC=example")), 2,
            Duration.ofHours(24), Optional.empty(), List.of(), false, Optional.empty(), List.of());
    static final GroupPolicy HELPDESK = new GroupPolicy("helpdesk", "JIT Helpdesk Ops",
            Dn.parse("CN=JIT Helpdesk Ops,OU=Privileged,DC=corp,DC=example"),
            List.of(PrincipalRef.parse("group:CN=Helpdesk Eligible,OU=Groups,DC=corp,DC=example")), Duration.ofHours(2),
            Duration.ofMinutes(30), false, TicketRule.NONE, List.of(), 0, Duration.ofHours(24), Optional.empty(),
            List.of(), false, Optional.empty(), List.of());

    private CardFixtures() {
    }

    static AccessRequest pending(String justification) {
        return AccessRequest.submit(new RequestId(UUID.fromString("7c1e0c7e-5a1b-4c33-9d2e-0123456789ab")),
                "server-admins", ALICE, Duration.ofHours(2), justification, "INC123456", false, true, T0);
    }

    static AccessRequest oneApproval() {
        return pending("patching DC01").approve(CAROL, "ok for tonight", 2, T0.plusSeconds(60));
    }

    static AccessRequest active() {
        return pending("patching DC01").approve(CAROL, null, 1, T0.plusSeconds(60)).activate(T0.plusSeconds(61));
    }

    static AccessRequest denied() {
        return pending("patching DC01").deny(CAROL, "change freeze", T0.plusSeconds(60));
    }
}
