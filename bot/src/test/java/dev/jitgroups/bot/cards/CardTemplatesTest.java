package dev.jitgroups.bot.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitgroups.core.request.AccessRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every card the bot sends, as golden files; the binder never lets user text change a card's structure. */
class CardTemplatesTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");

    /** Every card kind the bot sends, in the states that change its shape. */
    static Map<String, ObjectNode> allCards() {
        Map<String, ObjectNode> cards = new LinkedHashMap<>();
        cards.put("approval-pending-approver", RequestCards.approval(CardFixtures.pending("patching DC01"),
                CardFixtures.SERVER_ADMINS, true, List.of("aad-carol"), null));
        cards.put("approval-pending-channel", RequestCards.approval(CardFixtures.oneApproval(),
                CardFixtures.SERVER_ADMINS, false, List.of("aad-carol", "aad-sofia"), null));
        cards.put("approval-active", RequestCards.approval(CardFixtures.active(), CardFixtures.SERVER_ADMINS, false,
                List.of(), Notice.good("You approved this request.")));
        cards.put("approval-denied", RequestCards.approval(CardFixtures.denied(), CardFixtures.SERVER_ADMINS, true,
                List.of("aad-carol"), Notice.attention("This request is already denied; nothing was changed.")));
        cards.put("request-groups", RequestCards.requestGroups(List.of(CardFixtures.SERVER_ADMINS,
                CardFixtures.HELPDESK), null));
        cards.put("request-form", RequestCards.requestForm(CardFixtures.SERVER_ADMINS, true, null,
                RequestCards.Typed.NOTHING));
        cards.put("request-form-refused", RequestCards.requestForm(CardFixtures.SERVER_ADMINS, false,
                Notice.attention("**JIT Server Admins** needs a ticket: add `ticket INC123456` with yours."),
                new RequestCards.Typed("4h", "patching DC01", null)));
        cards.put("status", RequestCards.status(List.of(CardFixtures.pending("patching DC01"), CardFixtures.active()),
                g -> Optional.of(CardFixtures.SERVER_ADMINS), null));
        cards.put("expiring", RequestCards.expiring(CardFixtures.active(), CardFixtures.SERVER_ADMINS, null));
        cards.put("notice", RequestCards.notice(Notice.attention("That request does not exist (any more); nothing "
                + "was changed.")));
        return cards;
    }

    @Test
    void every_card_matches_its_golden_file() throws IOException {
        boolean update = Boolean.getBoolean("updateGolden");
        for (Map.Entry<String, ObjectNode> card : allCards().entrySet()) {
            Path file = GOLDEN.resolve(card.getKey() + ".json");
            String json = CardBinder.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(card.getValue());
            if (update) {
                Files.writeString(file, json + "\n");
            }
            assertThat(file).as("golden file for " + card.getKey() + " (run with -DupdateGolden=true to write it)")
                    .exists();
            JsonNode golden = CardBinder.mapper().readTree(file.toFile());
            assertThat(card.getValue()).as(card.getKey()).isEqualTo(golden);
        }
    }

    @Test
    void user_text_is_inserted_as_a_json_value_and_markdown_is_escaped() {
        String hostile = "\"}], \"actions\": [{\"type\": \"Action.OpenUrl\", \"url\": \"https://evil\"}] **bold** [x](y)";
        AccessRequest r = CardFixtures.pending(hostile);

        ObjectNode card = RequestCards.approval(r, CardFixtures.SERVER_ADMINS, true, List.of(), null);

        assertThat(card.path("actions")).hasSize(2);
        assertThat(card.toString()).doesNotContain("Action.OpenUrl\",").doesNotContain("**bold**");
        JsonNode justification = card.path("body").path(2).path("facts").findValues("value").get(3);
        assertThat(justification.asText()).isEqualTo(Markdown.escape(hostile)).contains("\u2217\u2217bold\u2217\u2217")
                .doesNotContain("\\");
    }

    @Test
    void buttons_only_while_pending() {
        ObjectNode denied = RequestCards.approval(CardFixtures.denied(), CardFixtures.SERVER_ADMINS, true,
                List.of("aad-carol"), null);

        assertThat(denied.path("actions")).isEmpty();
        assertThat(denied.has("refresh")).isFalse();
        assertThat(denied.toString()).contains("Denied by Carol Clark: change freeze");
    }

    @Test
    void markdown_escape_keeps_plain_words_and_neutralises_markup_without_visible_escapes() {
        assertThat(Markdown.escape("patching DC01, server-admins (ticket #1)")).isEqualTo(
                "patching DC01, server-admins (ticket #1)");
        assertThat(Markdown.escape("*x* svc_backup [l](u) <b> `c`")).isEqualTo(
                "\u2217x\u2217 svc_backup \uFF3Bl\uFF3D(u) \u2039b\u203A \u02CBc\u02CB");
    }
}
