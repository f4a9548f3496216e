package dev.jitgroups.bot.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitgroups.bot.wording.PolicySummary;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.Approval;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the bot's adaptive cards from requests and policies. Pure: same input, same card. */
public final class RequestCards {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private RequestCards() {
    }

    /**
     * The approval card: status and facts, with Approve/Deny for someone who may decide.
     *
     * @param buttons show Approve/Deny and the comment box
     * @param refreshUserIds Teams user ids that get their own view through Universal Actions refresh
     * @param notice a line to show prominently (a refusal or a confirmation), or null
     */
    public static ObjectNode approval(AccessRequest r, GroupPolicy p, boolean buttons, List<String> refreshUserIds,
            String notice) {
        boolean pending = r.status() == RequestStatus.PENDING_APPROVAL;
        Map<String, Object> v = new HashMap<>();
        v.put("title", (r.breakGlass() ? "BREAK-GLASS: " : "Access request: ") + Markdown.escape(p.displayName()));
        v.put("status", statusLine(r, p));
        v.put("statusColor", color(r.status()));
        v.put("facts", facts(r, p));
        v.put("hasNotice", notice != null && !notice.isBlank());
        v.put("notice", notice == null ? "" : notice);
        v.put("buttons", buttons && pending);
        v.put("hasRefresh", pending && !refreshUserIds.isEmpty());
        v.put("refreshUserIds", refreshUserIds);
        v.put("requestId", r.id().toString());
        return CardBinder.bind("approval", v);
    }

    /** The request form: the groups this user may request, with their rules. */
    public static ObjectNode requestForm(List<GroupPolicy> eligible, String notice) {
        ArrayNode choices = CardBinder.mapper().createArrayNode();
        for (GroupPolicy p : eligible) {
            choices.addObject().put("title", p.displayName()).put("value", p.name());
        }
        Map<String, Object> v = new HashMap<>();
        v.put("rules", eligible.stream().map(RequestCards::rules).collect(Collectors.joining("\n\n")));
        v.put("groupChoices", choices);
        v.put("firstGroup", eligible.get(0).name());
        v.put("defaultDuration", DurationText.format(eligible.get(0).defaultDuration()));
        v.put("hasNotice", notice != null && !notice.isBlank());
        v.put("notice", notice == null ? "" : notice);
        return CardBinder.bind("request-form", v);
    }

    /** The requester's open requests, each with the buttons that apply to it. */
    public static ObjectNode status(List<AccessRequest> open, Function<String, Optional<GroupPolicy>> policies,
            String notice) {
        ArrayNode items = CardBinder.mapper().createArrayNode();
        for (AccessRequest r : open) {
            String group = policies.apply(r.groupName()).map(GroupPolicy::displayName).orElse(r.groupName());
            boolean cancel = r.status() == RequestStatus.PENDING_APPROVAL;
            boolean active = r.status() == RequestStatus.ACTIVE;
            Map<String, Object> v = new HashMap<>();
            v.put("headline", Markdown.escape(group) + ": " + r.status().label());
            v.put("detail", detail(r));
            v.put("hasActions", cancel || active);
            v.put("canCancel", cancel);
            v.put("canDeactivate", active);
            v.put("canExtend", active);
            v.put("requestId", r.id().toString());
            items.add(CardBinder.bind("status-item", v));
        }
        Map<String, Object> v = new HashMap<>();
        v.put("items", items);
        v.put("hasNotice", notice != null && !notice.isBlank());
        v.put("notice", notice == null ? "" : notice);
        return CardBinder.bind("status", v);
    }

    /** Told before a grant ends: with Extend while it is still active. */
    public static ObjectNode expiring(AccessRequest r, GroupPolicy p, String notice) {
        Map<String, Object> v = new HashMap<>();
        boolean active = r.status() == RequestStatus.ACTIVE;
        v.put("title", Markdown.escape(p.displayName()) + (active ? " ends soon" : ": " + r.status().label()));
        v.put("text", active ? "Your membership ends " + r.endsAt().map(TIME::format).orElse("soon")
                + ". Extend it if you still need it." : "This grant is " + r.status().label() + ".");
        v.put("hasNotice", notice != null && !notice.isBlank());
        v.put("notice", notice == null ? "" : notice);
        v.put("canExtend", active);
        v.put("requestId", r.id().toString());
        return CardBinder.bind("expiring", v);
    }

    /** A card that only says something: the answer to a tap that has nothing else to show. */
    public static ObjectNode notice(String markdown, boolean warning) {
        return CardBinder.bind("notice", Map.of("text", markdown, "color", warning ? "Attention" : "Default"));
    }

    public static String time(Instant t) {
        return TIME.format(t);
    }

    private static String statusLine(AccessRequest r, GroupPolicy p) {
        String by = r.closedBy().map(n -> " by " + Markdown.escape(n)).orElse("");
        String why = r.reason().filter(s -> !s.isBlank()).map(s -> ": " + Markdown.escape(s)).orElse("");
        switch (r.status()) {
            case PENDING_APPROVAL:
                return "Pending approval (" + r.approvals().size() + " of " + p.requiredApprovals() + ")";
            case APPROVED:
                return "Approved, being applied in Active Directory";
            case ACTIVE:
                return "Active in Active Directory" + r.endsAt().map(t -> " until " + time(t)).orElse("");
            case DENIED:
                return "Denied" + by + why;
            case REVOKED:
                return "Revoked" + by + why;
            case FAILED:
                return "Failed" + why;
            default:
                return Character.toUpperCase(r.status().label().charAt(0)) + r.status().label().substring(1);
        }
    }

    private static String color(RequestStatus s) {
        switch (s) {
            case PENDING_APPROVAL:
                return "Warning";
            case APPROVED:
            case ACTIVE:
                return "Good";
            case DENIED:
            case FAILED:
            case REVOKED:
                return "Attention";
            default:
                return "Default";
        }
    }

    private static ArrayNode facts(AccessRequest r, GroupPolicy p) {
        ArrayNode facts = CardBinder.mapper().createArrayNode();
        fact(facts, "Requester", Markdown.escape(r.requester().displayName()));
        fact(facts, "Group", Markdown.escape(p.displayName()));
        fact(facts, "Duration", DurationText.format(r.duration()));
        r.justification().ifPresent(j -> fact(facts, "Justification", Markdown.escape(j)));
        r.ticket().ifPresent(t -> fact(facts, "Ticket", Markdown.escape(t)));
        fact(facts, "Requested", time(r.createdAt()));
        if (!r.approvals().isEmpty()) {
            fact(facts, "Approved by", r.approvals().stream().map(RequestCards::approval)
                    .collect(Collectors.joining(", ")));
        }
        return facts;
    }

    private static String approval(Approval a) {
        return Markdown.escape(a.approverName()) + (a.comment() == null ? "" : " (" + Markdown.escape(a.comment()) + ")");
    }

    private static void fact(ArrayNode facts, String title, String value) {
        facts.addObject().put("title", title).put("value", value);
    }

    private static String detail(AccessRequest r) {
        String base = DurationText.format(r.duration()) + ", requested " + time(r.createdAt());
        return r.endsAt().map(t -> base + ", ends " + time(t)).orElse(base);
    }

    private static String rules(GroupPolicy p) {
        return Markdown.escape(p.displayName() + ": " + PolicySummary.of(p));
    }
}
