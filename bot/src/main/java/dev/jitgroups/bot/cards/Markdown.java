package dev.jitgroups.bot.cards;

/** Escapes user text for Teams markdown (messages and TextBlocks), so that it shows as typed. */
public final class Markdown {

    private static final String SPECIAL = "\\`*_{}[]()#+-!|~>";

    private Markdown() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '<') {
                sb.append("&lt;");
            } else {
                if (SPECIAL.indexOf(c) >= 0) {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
