package dev.jitgroups.bot.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitgroups.bot.wording.PolicySummary;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.Approval;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
            Notice notice) {
        boolean pending = r.status() == RequestStatus.PENDING_APPROVAL;
        Map<String, Object> v = new HashMap<>();
        v.put("title", (r.breakGlass() ? "BREAK-GLASS: " : "Access request: ") + Markdown.escape(p.displayName()));
        v.put("status", statusLine(r, p));
        v.put("statusColor", color(r.status()));
        v.put("facts", facts(r, p));
        putNotice(v, notice);
        v.put("buttons", buttons && pending);
        v.put("hasRefresh", pending && !refreshUserIds.isEmpty());
        v.put("refreshUserIds", refreshUserIds);
        v.put("requestId", r.id().toString());
        return CardBinder.bind("approval", v);
    }

    /** Durations offered in the form, up to each group's max-duration. */
    private static final List<Duration> LADDER = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1),
            Duration.ofDays(2), Duration.ofDays(7));

    /** The first step of the request form when several groups may be requested: which group. */
    public static ObjectNode requestGroups(List<GroupPolicy> eligible, Notice notice) {
        ArrayNode choices = CardBinder.mapper().createArrayNode();
        for (GroupPolicy p : eligible) {
            choices.addObject().put("title", p.displayName()).put("value", p.name());
        }
        Map<String, Object> v = new HashMap<>();
        v.put("rules", eligible.stream().map(RequestCards::rules).collect(Collectors.joining("\n\n")));
        v.put("groupChoices", choices);
        v.put("firstGroup", eligible.get(0).name());
        putNotice(v, notice);
        return CardBinder.bind("request-groups", v);
    }

    /**
     * The request form of one group: its durations (its default chosen), a reason field required when it is, and a
     * ticket field only when the group asks for one. What was typed before is kept after a refusal.
     *
     * @param otherGroups offer to go back and choose another group
     * @param typed the values typed before (duration, justification, ticket), each may be null
     */
    public static ObjectNode requestForm(GroupPolicy p, boolean otherGroups, Notice notice, Typed typed) {
        ArrayNode durations = CardBinder.mapper().createArrayNode();
        for (Duration d : durations(p)) {
            durations.addObject().put("title", DurationText.format(d)).put("value", DurationText.format(d));
        }
        Map<String, Object> v = new HashMap<>();
        v.put("title", "Request " + Markdown.escape(p.displayName()));
        v.put("rules", Markdown.escape(PolicySummary.of(p)));
        v.put("durationChoices", durations);
        v.put("duration", typed.duration() != null ? typed.duration() : DurationText.format(p.defaultDuration()));
        v.put("justificationLabel", p.justificationRequired() ? "Why you need it" : "Why you need it (optional)");
        v.put("justificationRequired", p.justificationRequired());
        v.put("justification", typed.justification() == null ? "" : typed.justification());
        v.put("hasTicket", p.ticket().required());
        v.put("ticketExample", p.ticket().example().map(e -> "e.g. " + e).orElse("ticket id"));
        v.put("ticket", typed.ticket() == null ? "" : typed.ticket());
        v.put("submitData", CardBinder.mapper().createObjectNode().put("group", p.name()));
        v.put("otherGroups", otherGroups);
        putNotice(v, notice);
        return CardBinder.bind("request-form", v);
    }

    /** What someone typed into the request form. */
    public record Typed(String duration, String justification, String ticket) {

        public static final Typed NOTHING = new Typed(null, null, null);
    }

    /** The durations offered for a group: the ladder up to its maximum, its default and its maximum. */
    static List<Duration> durations(GroupPolicy p) {
        java.util.TreeSet<Duration> offered = new java.util.TreeSet<>();
        LADDER.stream().filter(d -> d.compareTo(p.maxDuration()) <= 0).forEach(offered::add);
        offered.add(p.defaultDuration());
        offered.add(p.maxDuration());
        return List.copyOf(offered);
    }

    /** The requester's open requests, each with the buttons that apply to it. */
    public static ObjectNode status(List<AccessRequest> open, Function<String, Optional<GroupPolicy>> policies,
            Notice notice) {
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
        putNotice(v, notice);
        return CardBinder.bind("status", v);
    }

    /** Told before a grant ends: with Extend while it is still active. */
    public static ObjectNode expiring(AccessRequest r, GroupPolicy p, Notice notice) {
        Map<String, Object> v = new HashMap<>();
        boolean active = r.status() == RequestStatus.ACTIVE;
        v.put("title", Markdown.escape(p.displayName()) + (active ? " ends soon" : ": " + r.status().label()));
        v.put("text", active ? "Your membership ends " + r.endsAt().map(RequestCards::localTime).orElse("soon")
                + ". Extend it if you still need it." : "This grant is " + r.status().label() + ".");
        putNotice(v, notice);
        v.put("canExtend", active);
        v.put("requestId", r.id().toString());
        return CardBinder.bind("expiring", v);
    }

    /** A card that only says something: the answer to a tap that has nothing else to show. */
    public static ObjectNode notice(Notice notice) {
        return CardBinder.bind("notice", Map.of("text", notice.markdown(), "color", notice.tone().color()));
    }

    private static void putNotice(Map<String, Object> v, Notice notice) {
        boolean shown = notice != null && !notice.markdown().isBlank();
        v.put("hasNotice", shown);
        v.put("notice", shown ? notice.markdown() : "");
        v.put("noticeColor", shown ? notice.tone().color() : "Default");
    }

    /** A time in UTC, for chat messages and facts (no date functions there). */
    public static String time(Instant t) {
        return TIME.format(t);
    }

    /**
     * A time Teams shows in each reader's own time zone, for TextBlocks: the Adaptive Card date functions, which want
     * RFC 3339 with whole seconds and {@code Z}.
     */
    static String localTime(Instant t) {
        String iso = DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
        return "{{DATE(" + iso + ", SHORT)}} {{TIME(" + iso + ")}}";
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
                return "Active in Active Directory" + r.endsAt().map(t -> " until " + localTime(t)).orElse("");
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
        String base = DurationText.format(r.duration()) + ", requested " + localTime(r.createdAt());
        return r.endsAt().map(t -> base + ", ends " + localTime(t)).orElse(base);
    }

    private static String rules(GroupPolicy p) {
        return Markdown.escape(p.displayName() + ": " + PolicySummary.of(p));
    }
}
