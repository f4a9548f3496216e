package dev.jitgroups.bot.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.notification.DriftNotice;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PrincipalRef;
import dev.jitgroups.core.policy.TicketRule;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every event as each audience reads it, against a golden file ({@code -DupdateGolden=true} rewrites it after an
 * intended change): what the requester reads, what the group's channels read, or that they read nothing.
 */
class NoticeTextTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/notices.txt");
    static final Instant T0 = Instant.parse("2026-11-29T20:00:00Z");
    static final Account ALICE = new Account("S-1-5-21-1-2-3-1101", "CN=Alice Adams,OU=People,DC=corp,DC=example",
            "alice@corp.example", "alice", "Alice Adams", true);
    static final Account CAROL = new Account("S-1-5-21-1-2-3-1103", "CN=Carol Clark,OU=People,DC=corp,DC=example",
            "carol@corp.example", "carol", "Carol Clark", true);
    static final Account DAVE = new Account("S-1-5-21-1-2-3-1104", "CN=Dave Davis,OU=People,DC=corp,DC=example",
            "dave@corp.example", "dave", "Dave Davis", true);
    static final GroupPolicy TIER0 = policy(false);
    static final GroupPolicy BREAK_GLASS = policy(true);

    @Test
    void every_event_for_every_audience_matches_the_golden_file() throws IOException {
        String rendered = String.join("\n", lines()) + "\n";
        if (Boolean.getBoolean("updateGolden")) {
            Files.writeString(GOLDEN, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void no_text_shows_markup_entities_escapes_or_a_regex() {
        for (String line : lines()) {
            assertThat(line).doesNotContain("&lt;", "&gt;", "\\", "<", ">").doesNotContainPattern("\\{\\d");
        }
    }

    @Test
    void the_requester_hears_nothing_of_what_they_did_themselves() {
        AccessRequest active = pending().approve(CAROL, null, 1, T0.plusSeconds(60)).activate(T0.plusSeconds(61));

        assertThat(NoticeText.forRequester(notice(NoticeKind.CANCELLED, pending().cancel(T0), ""))).isEmpty();
        assertThat(NoticeText.forRequester(notice(NoticeKind.EXTENDED, active.extendTo(T0.plusSeconds(7200),
                T0), ""))).isEmpty();
        assertThat(NoticeText.forRequester(notice(NoticeKind.REVOKED, active.revoke("Alice Adams",
                NoticeText.DEACTIVATED_BY_REQUESTER, T0), ""))).isEmpty();
        assertThat(NoticeText.forRequester(notice(NoticeKind.REVOKED, active.revoke("Frank Foster",
                "incident over", T0), ""))).get().asString().contains("ended by Frank Foster: incident over");
    }

    @Test
    void effective_is_not_told_once_the_membership_has_ended() {
        AccessRequest active = pending().approve(CAROL, null, 1, T0.plusSeconds(60)).activate(T0.plusSeconds(61));

        assertThat(NoticeText.forRequester(notice(NoticeKind.EFFECTIVE, active, ""))).isPresent();
        assertThat(NoticeText.forRequester(notice(NoticeKind.EFFECTIVE, active.revoke("Alice Adams",
                NoticeText.DEACTIVATED_BY_REQUESTER, T0.plusSeconds(70)), ""))).isEmpty();
        assertThat(NoticeText.forFeed(notice(NoticeKind.EFFECTIVE, active.expire(T0.plusSeconds(3661)), "")))
                .get().asString().startsWith("Activated: Alice Adams");
    }

    private static List<String> lines() {
        AccessRequest pending = pending();
        AccessRequest oneOfTwo = pending.approve(CAROL, "ok", 2, T0.plusSeconds(60));
        AccessRequest approved = oneOfTwo.approve(DAVE, null, 2, T0.plusSeconds(120));
        AccessRequest active = approved.activate(T0.plusSeconds(121));
        List<Case> cases = List.of(
                new Case(NoticeKind.SUBMITTED, pending, ""),
                new Case(NoticeKind.APPROVAL_RECORDED, oneOfTwo, ""),
                new Case(NoticeKind.APPROVED, approved, ""),
                new Case(NoticeKind.EFFECTIVE, active, ""),
                new Case(NoticeKind.DENIED, pending.deny(CAROL, "change freeze", T0.plusSeconds(60)), ""),
                new Case(NoticeKind.CANCELLED, pending.cancel(T0.plusSeconds(30)), ""),
                new Case(NoticeKind.TIMED_OUT, pending.timeOut(T0.plusSeconds(28_800)), ""),
                new Case(NoticeKind.REMINDER, pending, ""),
                new Case(NoticeKind.EXPIRING_SOON, active, ""),
                new Case(NoticeKind.EXTENDED, active.extendTo(T0.plusSeconds(7321), T0.plusSeconds(3000)), ""),
                new Case(NoticeKind.EXPIRED, active.expire(T0.plusSeconds(3721)), ""),
                new Case(NoticeKind.EXPIRED, active.expire(T0.plusSeconds(3721)), "You keep access through your other "
                        + "grant until 2026-11-29T22:00:00Z."),
                new Case(NoticeKind.REVOKED, active.revoke("Frank Foster", "incident over", T0.plusSeconds(600)), ""),
                new Case(NoticeKind.REVOKED, active.revoke("Alice Adams", NoticeText.DEACTIVATED_BY_REQUESTER,
                        T0.plusSeconds(600)), ""),
                new Case(NoticeKind.FAILED, approved.fail("insufficient access rights (Write Members on "
                        + "AdminSDHolder)", T0.plusSeconds(121)), ""),
                new Case(NoticeKind.DIRECTORY_TROUBLE, approved, "the domain controller did not answer"));
        List<String> out = new ArrayList<>();
        for (Case c : cases) {
            RequestNotice n = notice(c.kind(), c.request(), c.detail());
            String label = c.kind() + (c.detail().isEmpty() ? "" : " (with detail)");
            out.add(label + " | requester | " + NoticeText.forRequester(n).orElse("(nothing)"));
            out.add(label + " | channel   | " + NoticeText.forFeed(n).orElse("(nothing)"));
        }
        AccessRequest glass = AccessRequest.submit(RequestId.random(), "tier0-admins", ALICE, Duration.ofHours(1),
                "DC01 is down *now*", null, true, false, T0);
        out.add("APPROVED break-glass | channel   | " + NoticeText.forFeed(new RequestNotice(NoticeKind.APPROVED, glass,
                BREAK_GLASS, List.of(), "")).orElse("(nothing)"));
        out.add("REMINDER | approver  | " + NoticeText.reminder(notice(NoticeKind.REMINDER, pending, "")));
        out.add("DRIFT | channel   | " + NoticeText.drift(new DriftNotice(TIER0,
                List.of("CN=Mallory Moss,OU=People,DC=corp,DC=example"), true)));
        return out;
    }

    private record Case(NoticeKind kind, AccessRequest request, String detail) {
    }

    private static RequestNotice notice(NoticeKind kind, AccessRequest r, String detail) {
        return new RequestNotice(kind, r, TIER0, List.of(CAROL, DAVE), detail);
    }

    private static AccessRequest pending() {
        return AccessRequest.submit(new RequestId(UUID.fromString("7c1e0c7e-5a1b-4c33-9d2e-0123456789ab")),
                "tier0-admins", ALICE, Duration.ofHours(1), "patching DC01", "INC123456", false, true, T0);
    }

    private static GroupPolicy policy(boolean breakGlass) {
        return new GroupPolicy("tier0-admins", "JIT Tier0 <Admins>",
                Dn.parse("CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example"), List.of(), Duration.ofHours(4),
                Duration.ofHours(1), true, TicketRule.NONE, List.of(PrincipalRef.parse("carol@corp.example")), 2,
                Duration.ofHours(8), Optional.empty(), List.of(), breakGlass, Optional.empty(), List.of());
    }
}
