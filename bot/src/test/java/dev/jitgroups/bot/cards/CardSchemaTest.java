package dev.jitgroups.bot.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every card validates against the Adaptive Cards 1.5 schema from ../shared/schemas. Where shared/ is absent (a
 * user's clone) the test reports itself skipped with the reason; in CI it runs.
 */
class CardSchemaTest {

    @Test
    void every_card_is_a_valid_adaptive_card_1_5() {
        Assumptions.assumeTrue(AdaptiveCardSchema.get().isPresent(), AdaptiveCardSchema.ABSENT);
        for (Map.Entry<String, ObjectNode> card : CardTemplatesTest.allCards().entrySet()) {
            assertThat(AdaptiveCardSchema.problems(card.getValue().toString()))
                    .as(card.getKey() + " against the Adaptive Cards 1.5 schema").isEmpty();
        }
    }

    @Test
    void the_schema_check_catches_a_broken_card() {
        Assumptions.assumeTrue(AdaptiveCardSchema.get().isPresent(), AdaptiveCardSchema.ABSENT);
        ObjectNode broken = RequestCards.notice(Notice.good("x"));
        broken.withArray("body").addObject().put("type", "TextBlock").put("txet", "misspelt");

        assertThat(AdaptiveCardSchema.problems(broken.toString())).isNotEmpty();
    }
}
