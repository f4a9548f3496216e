package dev.jitgroups.bot.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line request: {@code request <group> [for <duration>] [because <text>] [ticket <id>]}.
 *
 * @param duration as typed (parsed by core's rules later), or null for the group's default
 */
record RequestLine(String group, String duration, String justification, String ticket) {

    private static final Pattern LINE = Pattern.compile("(?is)request\\s+(?<group>\\S+)"
            + "(?:\\s+for\\s+(?<duration>\\S+))?(?:\\s+because\\s+(?<why>.+?))?(?:\\s+ticket\\s+(?<ticket>\\S+))?\\s*");

    static Optional<RequestLine> parse(String text) {
        Matcher m = LINE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new RequestLine(m.group("group"), m.group("duration"), m.group("why"), m.group("ticket")));
    }
}
