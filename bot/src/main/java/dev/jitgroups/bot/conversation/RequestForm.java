package dev.jitgroups.bot.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitgroups.bot.cards.Notice;
import dev.jitgroups.bot.cards.RequestCards;
import dev.jitgroups.core.policy.GroupPolicy;
import java.util.List;
import java.util.Optional;

/**
 * The request form a person gets: the form of the group they chose (or of their only group), with that group's
 * durations and fields; else first the choice of group.
 */
final class RequestForm {

    static final String NOT_ELIGIBLE = "You are not eligible for any managed group; ask your AD administrator.";

    private RequestForm() {
    }

    static ObjectNode of(List<GroupPolicy> eligible, String group, Notice notice, RequestCards.Typed typed) {
        if (eligible.isEmpty()) {
            return RequestCards.notice(notice != null ? notice : Notice.attention(NOT_ELIGIBLE));
        }
        Optional<GroupPolicy> chosen = group == null || group.isBlank()
                ? Optional.of(eligible.get(0)).filter(p -> eligible.size() == 1)
                : eligible.stream().filter(p -> p.name().equals(group)).findFirst();
        return chosen.map(p -> RequestCards.requestForm(p, eligible.size() > 1, notice, typed))
                .orElseGet(() -> RequestCards.requestGroups(eligible, notice));
    }
}
