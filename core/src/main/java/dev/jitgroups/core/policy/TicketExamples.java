package dev.jitgroups.core.policy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A ticket id that matches a group's ticket pattern, to show people instead of the pattern itself ("a ticket like
 * INC123456", not {@code INC\d{6}}). Reads the simple shapes ticket patterns have: literal characters, {@code \d},
 * {@code \w}, character classes, and counts ({@code {6}}, {@code {2,4}}, {@code +}, {@code ?}, {@code *}).
 */
final class TicketExamples {

    private static final String DIGITS = "1234567890";

    private TicketExamples() {
    }

    /** An id the pattern accepts, or empty when the pattern is beyond these simple shapes. */
    static Optional<String> of(Pattern pattern) {
        try {
            String example = build(pattern.pattern());
            return pattern.matcher(example).matches() ? Optional.of(example) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String build(String regex) {
        String r = regex.replaceFirst("^\\^", "").replaceFirst("\\$$", "");
        StringBuilder out = new StringBuilder();
        int digit = 0;
        int i = 0;
        while (i < r.length()) {
            String unit;
            char c = r.charAt(i);
            if (c == '\\') {
                char e = r.charAt(i + 1);
                unit = e == 'd' ? "d" : e == 'w' ? "A" : String.valueOf(e);
                i += 2;
            } else if (c == '[') {
                int end = r.indexOf(']', i);
                String set = r.substring(i + 1, end);
                unit = set.startsWith("0-9") || set.equals("\\d") ? "d" : set.substring(0, 1);
                i = end + 1;
            } else if ("()|*+?{".indexOf(c) >= 0) {
                throw new IllegalArgumentException("unsupported at " + i);
            } else {
                unit = String.valueOf(c);
                i++;
            }
            int times = 1;
            if (i < r.length()) {
                char q = r.charAt(i);
                if (q == '{') {
                    int end = r.indexOf('}', i);
                    String[] counts = r.substring(i + 1, end).split(",");
                    times = Integer.parseInt(counts[counts.length > 1 && !counts[1].isBlank() ? 1 : 0].strip());
                    i = end + 1;
                } else if (q == '+' || q == '*' || q == '?') {
                    times = q == '+' ? 4 : 0;
                    i++;
                }
            }
            for (int n = 0; n < times; n++) {
                out.append(unit.equals("d") ? DIGITS.charAt(digit++ % DIGITS.length()) : unit.charAt(0));
            }
        }
        return out.toString();
    }
}
