package dev.jitgroups.bot.cards;

/**
 * Makes people's text safe in Teams markdown (messages and Adaptive Card TextBlocks), so that it shows as typed and
 * never as formatting. Teams shows backslash escapes and HTML entities literally, so the few characters that could
 * start formatting or HTML are replaced by look-alikes instead: {@code < >} by {@code ‹ ›}, {@code *} by
 * {@code ∗}, a backtick by {@code ˋ}, {@code [ ]} by their full-width forms. Underscores stay: inside words, where
 * they occur in account names, they never format.
 */
public final class Markdown {

    private static final String PLAIN = "<>*`[]";
    private static final String LOOK_ALIKE = "\u2039\u203A\u2217\u02CB\uFF3B\uFF3D";

    private Markdown() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int i = PLAIN.indexOf(c);
            sb.append(i < 0 ? c : LOOK_ALIKE.charAt(i));
        }
        return sb.toString();
    }
}
