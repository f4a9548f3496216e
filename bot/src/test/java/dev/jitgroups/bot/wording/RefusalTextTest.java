package dev.jitgroups.bot.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.RequestStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every refusal core can give has a sentence, and no sentence shows markup, entities or a regex. */
class RefusalTextTest {

    static final Refusal.Group TIER0 = new Refusal.Group("tier0-admins", "Tier 0 <admins>");

    static final List<Refusal> ONE_OF_EACH = List.of(
            new Refusal.Several(List.of(new Refusal.DurationNotPositive(), new Refusal.TicketTooLong(100))),
            new Refusal.AccountDisabled(),
            new Refusal.UnknownGroup("domain-admins", List.of(TIER0)),
            new Refusal.UnknownGroup(null, List.of()),
            new Refusal.NotEligible(TIER0, List.of()),
            new Refusal.DurationNotPositive(),
            new Refusal.DurationTooLong(TIER0, Duration.ofHours(4), Duration.ofHours(9)),
            new Refusal.JustificationMissing(TIER0, false),
            new Refusal.JustificationMissing(TIER0, true),
            new Refusal.JustificationTooLong(1000),
            new Refusal.TicketMissing(TIER0, "INC123456"),
            new Refusal.TicketMissing(TIER0, null),
            new Refusal.TicketInvalid("CHG`1", "INC123456"),
            new Refusal.TicketTooLong(100),
            new Refusal.AlreadyOpen(TIER0, RequestStatus.PENDING_APPROVAL, "ab12cd34"),
            new Refusal.TooManyRequests(10, Duration.ofHours(1)),
            new Refusal.CommentTooLong(500),
            new Refusal.RequestNotFound(),
            new Refusal.NotPending(RequestStatus.DENIED, "Carol Clark"),
            new Refusal.OwnRequest(),
            new Refusal.ApproverDisabled(),
            new Refusal.NotAnApprover(TIER0),
            new Refusal.AlreadyDecided(true),
            new Refusal.AlreadyDecided(false),
            new Refusal.DecisionAlreadyWaiting(),
            new Refusal.NotTheRequester("cancel"),
            new Refusal.NotTheRequester("deactivate"),
            new Refusal.NotAnAdmin(),
            new Refusal.WrongState("cancel", RequestStatus.ACTIVE),
            new Refusal.WrongState("extend", RequestStatus.EXPIRED),
            new Refusal.GroupNoLongerManaged("old-group"),
            new Refusal.ExtensionTooLong(TIER0, Duration.ofHours(4), Duration.ZERO));

    @Test
    void every_case_of_refusal_has_wording() {
        assertThat(Arrays.stream(Refusal.class.getPermittedSubclasses()).filter(c -> !RefusalText.covers(c)))
                .isEmpty();
        assertThat(ONE_OF_EACH.stream().map(Object::getClass).distinct())
                .hasSize(Refusal.class.getPermittedSubclasses().length);
    }

    @Test
    void every_refusal_matches_the_golden_file() throws IOException {
        Path golden = Path.of("src/test/resources/golden/refusals.txt");
        String rendered = ONE_OF_EACH.stream().map(r -> r.getClass().getSimpleName() + " | " + RefusalText.of(r))
                .collect(Collectors.joining("\n")) + "\n";
        if (Boolean.getBoolean("updateGolden")) {
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void no_sentence_shows_angle_brackets_entities_or_a_regex() {
        for (Refusal r : ONE_OF_EACH) {
            String text = RefusalText.of(r);
            assertThat(text).as(r.toString()).isNotBlank().endsWith(".").doesNotContain("&lt;", "&gt;", "\\d", "{6}")
                    .doesNotContainPattern("[^\\\\]<");
        }
    }

    @Test
    void what_to_do_next_is_said() {
        assertThat(RefusalText.of(new Refusal.TicketMissing(TIER0, "INC123456")))
                .isEqualTo("**Tier 0 \u2039admins\u203A** needs a ticket: add `ticket INC123456` with yours.");
        assertThat(RefusalText.of(new Refusal.AlreadyOpen(TIER0, RequestStatus.PENDING_APPROVAL, "ab12cd34")))
                .contains("wait for it, or `cancel tier0-admins`");
        assertThat(RefusalText.of(new Refusal.TicketInvalid("CHG`1", "INC123456"))).startsWith("`CHG1` is not");
    }
}
