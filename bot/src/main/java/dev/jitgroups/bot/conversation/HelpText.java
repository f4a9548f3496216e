package dev.jitgroups.bot.conversation;

import java.util.List;
import java.util.Locale;

/** The command list, and the closest command to something mistyped. */
final class HelpText {

    static final List<String> COMMANDS = List.of("request", "status", "groups", "pending", "deactivate", "extend",
            "cancel", "subscribe", "help");

    static final String HELP = String.join("\n\n",
            "I grant just-in-time membership of privileged AD groups. Commands:",
            "- `request` shows a form; or in one line: `request GROUP for 2h because REASON ticket INC123456`",
            "- `status` your pending and active requests, with Cancel / Deactivate / Extend",
            "- `groups` the groups you may request and their rules",
            "- `pending` requests waiting for your approval",
            "- `deactivate GROUP` ends your membership now",
            "- `extend GROUP by 1h` adds time to an active membership",
            "- `cancel GROUP` withdraws a pending request",
            "- `subscribe GROUP` (in a channel) posts that group's activations, denials, expiries and drift here",
            "- `help` this list",
            "GROUP is a group's key from `groups`, such as `tier0-admins`.");

    private HelpText() {
    }

    /** The command nearest to the word (by edit distance), or null when nothing is close. */
    static String closest(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : COMMANDS) {
            int d = distance(w, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, w.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
