package dev.jitgroups.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** People see a ticket id of the right shape, never the pattern. */
class TicketExamplesTest {

    @Test
    void simple_ticket_patterns_give_an_example_they_accept() {
        assertThat(TicketExamples.of(Pattern.compile("INC\\d{6}"))).contains("INC123456");
        assertThat(TicketExamples.of(Pattern.compile("CHG[0-9]{7}"))).contains("CHG1234567");
        assertThat(TicketExamples.of(Pattern.compile("[A-Z]{3}-\\d{2,4}"))).contains("AAA-1234");
        assertThat(TicketExamples.of(Pattern.compile("^SR\\d+$"))).contains("SR1234");
    }

    @Test
    void patterns_beyond_the_simple_shapes_give_none_rather_than_a_wrong_one() {
        assertThat(TicketExamples.of(Pattern.compile("(INC|CHG)\\d{6}"))).isEmpty();
        assertThat(TicketExamples.of(Pattern.compile("INC\\d{6}|RITM\\d{7}"))).isEmpty();
    }
}
