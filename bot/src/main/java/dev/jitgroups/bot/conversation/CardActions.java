package dev.jitgroups.bot.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitgroups.bot.cards.CardView;
import dev.jitgroups.bot.cards.Markdown;
import dev.jitgroups.bot.cards.Notice;
import dev.jitgroups.bot.cards.RequestCards;
import dev.jitgroups.bot.identity.Identity;
import dev.jitgroups.bot.notify.ConversationStore;
import dev.jitgroups.core.approval.DeferredDecision;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.EntraException;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.workflow.DecideCommand;
import dev.jitgroups.core.workflow.DecidingRequests;
import dev.jitgroups.core.workflow.DeferringDecisions;
import dev.jitgroups.core.workflow.EndingAccess;
import dev.jitgroups.core.workflow.Outcome;
import dev.jitgroups.core.workflow.Queries;
import dev.jitgroups.core.workflow.RequestingAccess;
import dev.jitgroups.core.workflow.SubmitCommand;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers Universal Actions ({@code Action.Execute}) with the card to show in place of the tapped one. The
 * decision is stored before the answer; a refused tap changes nothing and shows why on the card.
 */
@Service
public class CardActions {

    private static final Logger LOG = LoggerFactory.getLogger(CardActions.class);

    private final DecidingRequests deciding;
    private final DeferringDecisions deferring;
    private final RequestingAccess requesting;
    private final EndingAccess ending;
    private final Queries queries;
    private final PolicyCatalog catalog;
    private final ConversationStore conversations;

    CardActions(DecidingRequests deciding, DeferringDecisions deferring, RequestingAccess requesting,
            EndingAccess ending, Queries queries, PolicyCatalog catalog, ConversationStore conversations) {
        this.deciding = deciding;
        this.deferring = deferring;
        this.requesting = requesting;
        this.ending = ending;
        this.queries = queries;
        this.catalog = catalog;
        this.conversations = conversations;
    }

    public ObjectNode onAction(Inbound in, String verb, JsonNode data) {
        if (in.who() instanceof Identity.DirectoryDown down) {
            return isDecision(verb) && down.reference().isPresent() ? defer(in, down.reference().get(), verb, data,
                    "Active Directory") : RequestCards.notice(Notice.attention(Replies.DIRECTORY_DOWN));
        }
        if (in.account().isEmpty()) {
            return RequestCards.notice(Notice.attention(Replies.NO_ACCOUNT));
        }
        Account who = in.account().get();
        try {
            return act(in, who, verb, data);
        } catch (EntraException e) {
            // an entra-group: check Graph could not answer: kept like a directory outage, and said so
            LOG.warn("Microsoft Graph could not answer during a {} tap by {}: {}", verb, who.userPrincipalName(),
                    e.getMessage());
            return isDecision(verb) && e.retryable() ? defer(in, "sid:" + who.id(), verb, data, "Microsoft Graph")
                    : RequestCards.notice(Notice.attention(Replies.entraTrouble(e)));
        } catch (DirectoryException e) {
            if (!e.retryable()) {
                return RequestCards.notice(Notice.attention("Active Directory refused: "
                        + Markdown.escape(e.getMessage()) + ". Nothing was changed; your AD administrator can help."));
            }
            LOG.warn("the directory went away during a {} tap by {}: {}", verb, who.userPrincipalName(), e.getMessage());
            return isDecision(verb) ? defer(in, "sid:" + who.id(), verb, data, "Active Directory")
                    : RequestCards.notice(Notice.attention(Replies.DIRECTORY_DOWN));
        }
    }

    private static boolean isDecision(String verb) {
        return "approve".equals(verb) || "deny".equals(verb);
    }

    /**
     * Keeps a decision the directory could not check, instead of losing it: it counts once the directory confirms
     * the approver, and the approver and requester are told.
     */
    private ObjectNode defer(Inbound in, String reference, String verb, JsonNode data, String unreachable) {
        String id = text(data, "requestId");
        RequestId request;
        try {
            request = id == null ? null : RequestId.parse(id);
        } catch (IllegalArgumentException e) {
            request = null;
        }
        if (request == null) {
            return RequestCards.notice(Notice.attention("That request does not exist (any more); nothing was changed."));
        }
        boolean approve = "approve".equals(verb);
        Outcome outcome = deferring.defer(new DeferredDecision(request, reference, approve, text(data, "comment"),
                in.conversationId()));
        if (outcome instanceof Outcome.Done) {
            return RequestCards.notice(Notice.warning("Recorded: " + unreachable + " cannot be reached right now, so "
                    + "your " + (approve ? "approval" : "denial") + " will be checked against it as soon as it is "
                    + "reachable, and counts only then. You and the requester will be told the outcome; no need to "
                    + "tap again."));
        }
        return RequestCards.notice(Notice.attention(Replies.refusal(outcome)));
    }

    private ObjectNode act(Inbound in, Account who, String verb, JsonNode data) {
        if ("submitRequest".equals(verb)) {
            return submit(in, who, data);
        }
        if ("requestForm".equals(verb)) {
            return RequestForm.of(requesting.eligibleGroups(who), text(data, "group"), null, RequestCards.Typed.NOTHING);
        }
        Optional<AccessRequest> request = requestOf(data);
        if (request.isEmpty()) {
            return RequestCards.notice(Notice.attention("That request does not exist (any more); nothing was changed."));
        }
        AccessRequest r = request.get();
        switch (verb == null ? "" : verb) {
            case "approve":
            case "deny":
                return decide(in, who, r, "approve".equals(verb), text(data, "comment"));
            case "refresh":
                if (!queries.mayView(who, r)) {
                    return RequestCards.notice(Notice.attention("This request is not yours to see: only its requester, "
                            + "its approvers "
                            + "and JIT admins can."));
                }
                return view(who, r, null);
            case "cancel":
                return mine(in, ending.cancel(r.id(), who), who);
            case "deactivate":
                return mine(in, ending.deactivate(r.id(), who), who);
            case "extend":
                return extend(in, who, r, text(data, "by"));
            default:
                return RequestCards.notice(Notice.attention("This button is not known to this version of JIT Groups; "
                        + "send `help`."));
        }
    }

    private ObjectNode decide(Inbound in, Account who, AccessRequest r, boolean approve, String comment) {
        if (in.personal()) {
            // a card answered in someone's 1:1 chat is their copy from now on (e.g. one shown by `pending`)
            keep(in, r.id(), CardView.APPROVER, who);
        }
        Outcome outcome = deciding.decide(new DecideCommand(r.id(), who, approve, comment));
        if (outcome instanceof Outcome.Done done) {
            String what = approve ? "You approved this request." : "You denied this request.";
            return view(who, done.request(), Notice.good(what));
        }
        if (!queries.mayView(who, r)) {
            return RequestCards.notice(Notice.attention(Replies.refusal(outcome)));
        }
        return view(who, queries.find(r.id()).orElse(r), Notice.attention(Replies.refusal(outcome)));
    }

    /** The card as this person should see it: Approve/Deny only for someone who may decide it now. */
    private ObjectNode view(Account who, AccessRequest r, Notice notice) {
        Optional<GroupPolicy> policy = catalog.find(r.groupName());
        if (policy.isEmpty()) {
            return RequestCards.notice(Notice.attention("The group " + Markdown.escape(r.groupName())
                    + " is no longer managed."));
        }
        boolean mayDecide = Replies.isPending(r) && !r.isRequestedBy(who) && !r.hasApprovalFrom(who.id())
                && deciding.mayDecide(who, r);
        List<String> refresh = mayDecide ? conversations.aadObjectIdsOf(List.of(who.id())) : List.of();
        return RequestCards.approval(r, policy.get(), mayDecide, refresh, notice);
    }

    private ObjectNode submit(Inbound in, Account who, JsonNode data) {
        List<GroupPolicy> eligible = requesting.eligibleGroups(who);
        String group = text(data, "group");
        RequestCards.Typed typed = new RequestCards.Typed(text(data, "duration"), text(data, "justification"),
                text(data, "ticket"));
        if (group == null) {
            return RequestForm.of(eligible, null, Notice.attention("Choose a group."), typed);
        }
        Duration duration = null;
        if (typed.duration() != null) {
            try {
                duration = DurationText.parse(typed.duration());
            } catch (IllegalArgumentException e) {
                return RequestForm.of(eligible, group, Notice.attention("The duration " + Markdown.escape(
                        e.getMessage()) + "."), typed);
            }
        }
        Outcome outcome = requesting.submit(new SubmitCommand(who, group, duration, typed.justification(),
                typed.ticket()));
        if (outcome instanceof Outcome.Done done) {
            keep(in, done.request().id(), CardView.VIEWER, who);
            return RequestCards.approval(done.request(), catalog.find(done.request().groupName()).orElseThrow(), false,
                    List.of(), Notice.good(Replies.confirmation(done.request(), catalog)));
        }
        return RequestForm.of(eligible, group, Notice.attention(Replies.refusal(outcome)), typed);
    }

    private ObjectNode extend(Inbound in, Account who, AccessRequest r, String by) {
        Duration d;
        try {
            d = DurationText.parse(by == null ? "1h" : by);
        } catch (IllegalArgumentException e) {
            return RequestCards.notice(Notice.attention("The duration " + Markdown.escape(e.getMessage()) + "."));
        }
        return mine(in, ending.extend(r.id(), who, d), who);
    }

    private ObjectNode mine(Inbound in, Outcome outcome, Account who) {
        Notice notice = outcome instanceof Outcome.Done done ? Notice.good(Replies.confirmation(done.request(), catalog))
                : Notice.attention(Replies.refusal(outcome));
        List<AccessRequest> open = queries.openRequestsOf(who);
        if (open.isEmpty()) {
            return RequestCards.notice(notice);
        }
        open.forEach(r -> keep(in, r.id(), CardView.STATUS, who));
        return RequestCards.status(open, catalog::find, notice);
    }

    /** The card this tap is answered on shows the request from now on: keep it as a copy, drawn on every change. */
    private void keep(Inbound in, RequestId request, CardView view, Account who) {
        if (in.personal() && in.replyToId() != null) {
            conversations.addCopy(request, in.conversationId(), in.replyToId(), who.id(), view);
        }
    }

    private Optional<AccessRequest> requestOf(JsonNode data) {
        String id = text(data, "requestId");
        if (id == null) {
            return Optional.empty();
        }
        try {
            return queries.find(RequestId.parse(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode data, String field) {
        if (data == null || !data.hasNonNull(field)) {
            return null;
        }
        String s = data.get(field).asText();
        return s.isBlank() ? null : s;
    }
}
