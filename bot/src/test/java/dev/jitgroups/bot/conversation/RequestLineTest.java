package dev.jitgroups.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one-line request and the closest-command hint, without Spring. */
class RequestLineTest {

    @Test
    void all_parts_are_read() {
        assertThat(RequestLine.parse("request tier0-admins for 2h because patching DC01 ticket INC123456"))
                .contains(new RequestLine("tier0-admins", "2h", "patching DC01", "INC123456"));
    }

    @Test
    void a_justification_may_mention_the_word_ticket() {
        assertThat(RequestLine.parse("request server-admins because fix the ticket queue ticket INC000001"))
                .contains(new RequestLine("server-admins", null, "fix the ticket queue", "INC000001"));
    }

    @Test
    void only_the_group_is_required() {
        assertThat(RequestLine.parse("Request helpdesk")).contains(new RequestLine("helpdesk", null, null, null));
    }

    @Test
    void closest_command_for_typos_and_none_for_nonsense() {
        assertThat(HelpText.closest("reqest")).isEqualTo("request");
        assertThat(HelpText.closest("pendign")).isEqualTo("pending");
        assertThat(HelpText.closest("xylophone")).isNull();
    }
}
