package dev.jitgroups.bot.notify;

import dev.jitgroups.bot.cards.Markdown;
import dev.jitgroups.bot.cards.RequestCards;
import dev.jitgroups.core.policy.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** What the requester is told about who has the approval card: only people who have it are named as asked. */
final class ReachWording {

    /**
     * How reaching one approver went, as recorded.
     *
     * @param outcome {@code asked}, {@code unreachable} or {@code trying}
     * @param why for unreachable and trying: the reason, else null
     */
    record Line(String accountId, String outcome, String displayName, Unreachable why) {

        static final String ASKED = "asked";
        static final String UNREACHABLE = "unreachable";
        static final String TRYING = "trying";
        /** The account id of the line that says the group has no approver at all. */
        static final String NOBODY = "-";
    }

    /** The request the requester is told about. */
    record About(String groupDisplayName, Duration duration, int requiredApprovals, Instant timesOutAt) {
    }

    private ReachWording() {
    }

    /**
     * @param lines what the requester was not told yet
     * @param first nothing was told about this request before
     * @param askedSoFar approvers who have the card 1:1, told before or now
     * @param inChannel a channel of the group has the card
     */
    static String message(About r, List<Line> lines, boolean first, long askedSoFar, boolean inChannel) {
        String group = "**" + Markdown.escape(r.groupDisplayName()) + "**";
        String asked = names(lines, Line.ASKED);
        StringBuilder s = new StringBuilder();
        if (!asked.isEmpty()) {
            s.append(first ? "Approval of your request for " + group + " (" + DurationText.format(r.duration())
                    + ") was asked of: " + asked + ". It needs " + r.requiredApprovals() + " approval(s)."
                    : "Approval of your request for " + group + " was also asked of: " + asked + ".");
        } else {
            s.append(first ? "Your request for " + group + " could not be sent to any approver 1:1."
                    : "About your request for " + group + ":");
        }
        boolean missed = false;
        for (Line l : lines) {
            if (l.outcome().equals(Line.ASKED)) {
                continue;
            }
            missed = true;
            s.append(' ').append(sentence(l));
        }
        String whatNow = missed ? whatNow(r, askedSoFar, inChannel) : "";
        if (!whatNow.isEmpty()) {
            s.append(' ').append(whatNow);
        }
        return s.toString();
    }

    private static String sentence(Line l) {
        if (l.accountId().equals(Line.NOBODY)) {
            return "Nobody was asked: " + l.why().words() + ".";
        }
        String who = Markdown.escape(l.displayName());
        return l.outcome().equals(Line.TRYING) ? who + " could not be reached in Teams yet (" + l.why().words()
                + "); I keep trying." : who + " could not be reached in Teams: " + l.why().words() + ".";
    }

    private static String whatNow(About r, long askedSoFar, boolean inChannel) {
        if (inChannel) {
            return "The approval card is also in the group's Teams channel, where every approver can decide.";
        }
        if (askedSoFar > 0) {
            return "";
        }
        return "Nobody has the approval card yet: ask an approver to open JIT Groups in Teams and send `pending`; "
                + "otherwise the request times out " + RequestCards.time(r.timesOutAt()) + ".";
    }

    private static String names(List<Line> lines, String outcome) {
        return lines.stream().filter(l -> l.outcome().equals(outcome)).map(l -> Markdown.escape(l.displayName()))
                .collect(Collectors.joining(", "));
    }
}
