package dev.jitgroups.bot.conversation;

import dev.jitgroups.bot.cards.CardView;
import dev.jitgroups.bot.cards.Markdown;
import dev.jitgroups.bot.cards.Message;
import dev.jitgroups.bot.cards.RequestCards;
import dev.jitgroups.bot.notify.ConversationStore;
import dev.jitgroups.bot.wording.PolicySummary;
import dev.jitgroups.bot.wording.RefusalText;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.EntraException;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.workflow.CoreSettings;
import dev.jitgroups.core.workflow.EndingAccess;
import dev.jitgroups.core.workflow.Outcome;
import dev.jitgroups.core.workflow.Principals;
import dev.jitgroups.core.workflow.Queries;
import dev.jitgroups.core.workflow.RequestingAccess;
import dev.jitgroups.core.workflow.SubmitCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Answers chat messages: one command per message, each refusal saying why and what to do next. */
@Service
public class ChatCommands {

    static final String WELCOME = "Hello, I am JIT Groups: I grant just-in-time membership of privileged AD groups, "
            + "approved here in Teams. Send `help` for the commands, or `request` to ask for access.";
    private static final Logger LOG = LoggerFactory.getLogger(ChatCommands.class);
    /** Cards shown at once; more wait behind `pending`. */
    private static final int SHOWN = 10;

    private final RequestingAccess requesting;
    private final EndingAccess ending;
    private final Queries queries;
    private final PolicyCatalog catalog;
    private final Principals principals;
    private final ConversationStore conversations;
    private final CoreSettings settings;

    ChatCommands(RequestingAccess requesting, EndingAccess ending, Queries queries, PolicyCatalog catalog,
            Principals principals, ConversationStore conversations, CoreSettings settings) {
        this.settings = settings;
        this.requesting = requesting;
        this.ending = ending;
        this.queries = queries;
        this.catalog = catalog;
        this.principals = principals;
        this.conversations = conversations;
    }

    public List<Message> onMessage(Inbound in) {
        String text = in.text() == null ? "" : in.text().strip();
        String word = text.isEmpty() ? "help" : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String rest = text.contains(" ") ? text.substring(text.indexOf(' ') + 1).strip() : "";
        if (word.equals("help") || word.equals("hi") || word.equals("hello")) {
            return withWork(List.of(Message.text(HelpText.HELP)), in.account());
        }
        if (!HelpText.COMMANDS.contains(word)) {
            String near = HelpText.closest(word);
            return List.of(Message.text("I don't know `" + Markdown.escape(word) + "`."
                    + (near == null ? "" : " Did you mean `" + near + "`?") + "\n\n" + HelpText.HELP));
        }
        if (in.account().isEmpty()) {
            return List.of(Message.text(in.directoryDown() ? Replies.DIRECTORY_DOWN : Replies.NO_ACCOUNT));
        }
        try {
            List<Message> answer = command(in, in.account().get(), word, text, rest);
            return in.firstContact() && !word.equals("pending") ? withWork(answer, in.account()) : answer;
        } catch (EntraException e) {
            LOG.warn("Microsoft Graph could not answer while answering '{}' for {}: {}", word,
                    in.account().get().userPrincipalName(), e.getMessage());
            return List.of(Message.text(Replies.entraTrouble(e)));
        } catch (DirectoryException e) {
            if (!e.retryable()) {
                return List.of(Message.text("Active Directory refused: " + Markdown.escape(e.getMessage())
                        + ". Nothing was changed; your AD administrator can help."));
            }
            LOG.warn("the directory went away while answering '{}' for {}: {}", word,
                    in.account().get().userPrincipalName(), e.getMessage());
            return List.of(Message.text(Replies.DIRECTORY_DOWN));
        }
    }

    private List<Message> command(Inbound in, Account who, String word, String text, String rest) {
        if (word.equals("subscribe")) {
            return List.of(subscribe(in, who, rest));
        }
        if (!in.personal()) {
            return List.of(Message.text("Please send `" + word + "` to me in a 1:1 chat; in channels I only take "
                    + "`subscribe GROUP` and `help`."));
        }
        switch (word) {
            case "request":
                return List.of(rest.isEmpty() ? form(who) : request(who, text));
            case "status":
                return List.of(status(who));
            case "groups":
                return List.of(groups(who));
            case "pending":
                return pending(who);
            case "deactivate":
                return List.of(onOpen(who, rest, RequestStatus.ACTIVE, "deactivate", r -> ending.deactivate(r.id(), who)));
            case "cancel":
                return List.of(onOpen(who, rest, RequestStatus.PENDING_APPROVAL, "cancel", r -> ending.cancel(r.id(), who)));
            default:
                return List.of(extend(who, rest));
        }
    }

    private Message form(Account who) {
        if (!who.enabled()) {
            return Message.text(RefusalText.of(new Refusal.AccountDisabled()));
        }
        List<GroupPolicy> eligible = requesting.eligibleGroups(who);
        if (eligible.isEmpty()) {
            return Message.text(RequestForm.NOT_ELIGIBLE);
        }
        return Message.card(RequestForm.of(eligible, null, null, RequestCards.Typed.NOTHING));
    }

    private Message request(Account who, String text) {
        Optional<RequestLine> line = RequestLine.parse(text);
        if (line.isEmpty()) {
            return Message.text("I could not read that. Write it like `request tier0-admins for 2h because "
                    + "patching DC01 ticket INC123456`, or send `request` for a form.");
        }
        RequestLine l = line.get();
        Duration duration = null;
        if (l.duration() != null) {
            try {
                duration = DurationText.parse(l.duration());
            } catch (IllegalArgumentException e) {
                return Message.text("The duration " + Markdown.escape(e.getMessage()) + ".");
            }
        }
        Outcome outcome = requesting.submit(new SubmitCommand(who, l.group(), duration, l.justification(), l.ticket()));
        return Replies.outcome(outcome, catalog);
    }

    private Message status(Account who) {
        List<AccessRequest> open = queries.openRequestsOf(who);
        if (open.isEmpty()) {
            return Message.text("You have no pending or active requests. Send `request` to ask for access.");
        }
        Message card = Message.card(RequestCards.status(open, catalog::find, null));
        for (AccessRequest r : open) {
            card = card.showing(r.id(), CardView.STATUS, who.id());
        }
        return card;
    }

    private Message groups(Account who) {
        if (!who.enabled()) {
            return Message.text(RefusalText.of(new Refusal.AccountDisabled()));
        }
        List<GroupPolicy> eligible = requesting.eligibleGroups(who);
        if (eligible.isEmpty()) {
            return Message.text(RequestForm.NOT_ELIGIBLE);
        }
        return Message.text("You may request:\n\n" + eligible.stream().map(p -> "- `" + p.name() + "` "
                + Markdown.escape(p.displayName() + ": " + PolicySummary.of(p))).collect(Collectors.joining("\n")));
    }

    /** The welcome when someone installs the app; an approver also sees what waits for them. */
    public List<Message> welcome(Optional<Account> installer) {
        return withWork(List.of(Message.text(WELCOME)), installer);
    }

    private List<Message> pending(Account who) {
        List<Message> cards = work(who);
        return cards.isEmpty() ? List.of(Message.text("Nothing is waiting for your decision.")) : cards;
    }

    /** The answer, then what waits for this approver, if anything: they are greeted with their work. */
    private List<Message> withWork(List<Message> answer, Optional<Account> who) {
        List<Message> work;
        try {
            work = who.map(this::work).orElse(List.of());
        } catch (DirectoryException e) {
            work = List.of();
        }
        if (work.isEmpty()) {
            return answer;
        }
        List<Message> all = new ArrayList<>(answer);
        all.addAll(work);
        return all;
    }

    /** The requests waiting for this person's decision: a count, then each as a card kept up to date. */
    private List<Message> work(Account who) {
        List<AccessRequest> decidable = queries.decidableBy(who);
        if (decidable.isEmpty()) {
            return List.of();
        }
        List<String> refresh = conversations.aadObjectIdsOf(List.of(who.id()));
        List<Message> out = new ArrayList<>();
        out.add(Message.text(decidable.size() == 1 ? "1 request waits for your decision:"
                : decidable.size() + " requests wait for your decision" + (decidable.size() > SHOWN
                ? "; here are the oldest " + SHOWN + " (send `pending` again after deciding them):" : ":")));
        for (AccessRequest r : decidable.subList(0, Math.min(SHOWN, decidable.size()))) {
            out.add(Message.card(RequestCards.approval(r, catalog.find(r.groupName()).orElseThrow(), true, refresh,
                    null)).showing(r.id(), CardView.APPROVER, who.id()));
        }
        return out;
    }

    private Message onOpen(Account who, String group, RequestStatus status, String verb,
            Function<AccessRequest, Outcome> action) {
        if (group.isBlank()) {
            return Message.text("Which group? Write `" + verb + " GROUP`; `status` lists your requests.");
        }
        Optional<AccessRequest> open = queries.openRequestsOf(who).stream()
                .filter(r -> r.status() == status && matches(r, group)).findFirst();
        if (open.isEmpty()) {
            return Message.text("You have no " + status.label() + " request for `" + Markdown.escape(group)
                    + "`. Send `status` to see your requests.");
        }
        return Replies.outcome(action.apply(open.get()), catalog);
    }

    private Message extend(Account who, String rest) {
        String[] parts = rest.split("\\s+");
        if (parts.length != 3 || !parts[1].equalsIgnoreCase("by")) {
            return Message.text("Write it like `extend tier0-admins by 1h`.");
        }
        Duration by;
        try {
            by = DurationText.parse(parts[2]);
        } catch (IllegalArgumentException e) {
            return Message.text("The duration " + Markdown.escape(e.getMessage()) + ".");
        }
        return onOpen(who, parts[0], RequestStatus.ACTIVE, "extend", r -> ending.extend(r.id(), who, by));
    }

    private Message subscribe(Inbound in, Account who, String group) {
        if (in.personal()) {
            return Message.text("Send `subscribe GROUP` in the channel that should get the group's feed.");
        }
        Optional<GroupPolicy> policy = catalog.find(group);
        if (policy.isEmpty()) {
            return Message.text("There is no managed group called `" + Markdown.escape(group) + "`. Groups: "
                    + catalog.all().stream().map(p -> "`" + p.name() + "`").collect(Collectors.joining(", ")) + ".");
        }
        if (!principals.covers(policy.get().approvers(), who, Optional.empty())
                && !principals.covers(settings.admins(), who, Optional.empty())) {
            return Message.text("Only approvers of " + Markdown.escape(policy.get().displayName())
                    + " and JIT admins can subscribe a channel to it.");
        }
        boolean added = conversations.subscribe(policy.get().name(), in.conversationId(), who.userPrincipalName());
        return Message.text((added ? "Subscribed" : "Already subscribed") + ": this channel gets activations, "
                + "denials, expiries and drift of " + Markdown.escape(policy.get().displayName()) + ".");
    }

    private boolean matches(AccessRequest r, String group) {
        return catalog.find(group).map(p -> p.name().equals(r.groupName())).orElse(false)
                || r.id().shortForm().equalsIgnoreCase(group);
    }
}
