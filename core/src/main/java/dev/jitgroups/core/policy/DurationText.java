package dev.jitgroups.core.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 90m}, {@code 2h}, {@code 1d}, {@code 1h30m}, or ISO-8601 {@code PT2H}. */
public final class DurationText {

    /** Longer than any sensible grant; it keeps arithmetic on instants far from overflowing. */
    public static final Duration LONGEST = Duration.ofDays(3650);
    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(d|h|m|s)");
    private static final Pattern WHOLE = Pattern.compile("(\\s*\\d+\\s*[dhms]\\s*)+");

    private DurationText() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException when the text is not a positive duration
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty; expected a duration such as 30m, 2h or 1d");
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.length() > 40) {
            throw new IllegalArgumentException("is not one I can read; expected e.g. 30m, 2h, 1d or PT2H");
        }
        Duration d;
        try {
            d = read(text, t);
        } catch (ArithmeticException | NumberFormatException e) {
            d = LONGEST.plusDays(1);
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        if (d.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long; no grant lasts more than "
                    + format(LONGEST));
        }
        return d;
    }

    private static Duration read(String text, String t) {
        Duration d;
        if (t.startsWith("p")) {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration; expected e.g. 30m, 2h, 1d or PT2H");
            }
        } else if (WHOLE.matcher(t).matches()) {
            d = Duration.ZERO;
            Matcher m = PART.matcher(t);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                d = d.plus(switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                });
            }
        } else {
            throw new IllegalArgumentException("'" + text + "' is not a duration; expected e.g. 30m, 2h, 1d or PT2H");
        }
        return d;
    }

    /** Formats for people: {@code 1h 30m}, {@code 2d}, {@code 45s}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0m";
        }
        StringBuilder sb = new StringBuilder();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        if (days > 0) {
            sb.append(days).append("d ");
        }
        if (hours > 0) {
            sb.append(hours).append("h ");
        }
        if (minutes > 0) {
            sb.append(minutes).append("m ");
        }
        if (seconds > 0) {
            sb.append(seconds).append("s ");
        }
        return sb.toString().strip();
    }
}
