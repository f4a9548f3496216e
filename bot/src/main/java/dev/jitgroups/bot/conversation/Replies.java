package dev.jitgroups.bot.conversation;

import dev.jitgroups.bot.cards.Markdown;
import dev.jitgroups.bot.cards.Message;
import dev.jitgroups.bot.cards.RequestCards;
import dev.jitgroups.bot.wording.RefusalText;
import dev.jitgroups.core.directory.EntraException;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.workflow.Outcome;

/** Sentences for outcomes of the workflow. */
final class Replies {

    static final String NO_ACCOUNT = "I could not find your Active Directory account, so I cannot act for you. "
            + "Ask your AD administrator to check that your Teams sign-in name matches your AD userPrincipalName.";

    static final String DIRECTORY_DOWN = "Active Directory cannot be reached right now, so I cannot check who you are "
            + "or what you may do. Nothing was changed; please try again in a few minutes.";

    static final String GRAPH_DOWN = "Microsoft Graph could not be reached right now, so I cannot check your membership "
            + "of the Entra ID group this needs. Nothing was changed; please try again in a few minutes.";

    static final String GRAPH_REFUSED = "Microsoft Graph refused to say whether you are in the Entra ID group this "
            + "needs. Nothing was changed; the JIT Groups administrator needs to check the bot's Graph permission "
            + "(GroupMember.Read.All).";

    private Replies() {
    }

    /** Why an {@code entra-group:} check could not be made: Graph down, or Graph refusing the bot. */
    static String entraTrouble(EntraException e) {
        return e.retryable() ? GRAPH_DOWN : GRAPH_REFUSED;
    }

    static String refusal(Outcome outcome) {
        return RefusalText.of(((Outcome.Refused) outcome).refusal());
    }

    static String confirmation(AccessRequest r, PolicyCatalog catalog) {
        String group = "**" + Markdown.escape(catalog.find(r.groupName()).map(GroupPolicy::displayName)
                .orElse(r.groupName())) + "**";
        switch (r.status()) {
            case PENDING_APPROVAL:
                return "Submitted: " + group + " for " + DurationText.format(r.duration()) + ". I am sending it to the "
                        + "approvers and will tell you who has it, and when it is decided.";
            case APPROVED:
                return "Approved: " + group + " for " + DurationText.format(r.duration())
                        + ". Adding you in Active Directory now.";
            case CANCELLED:
                return "Cancelled your request for " + group + ".";
            case REVOKED:
                return "Ended your membership of " + group + "; removing it in Active Directory now.";
            case ACTIVE:
                return "Your membership of " + group + " now lasts until "
                        + r.endsAt().map(RequestCards::time).orElse("its end") + ".";
            default:
                return group + " is " + r.status().label() + ".";
        }
    }

    static Message outcome(Outcome outcome, PolicyCatalog catalog) {
        if (outcome instanceof Outcome.Done done) {
            return Message.text(confirmation(done.request(), catalog));
        }
        return Message.text(refusal(outcome));
    }

    static boolean isPending(AccessRequest r) {
        return r.status() == RequestStatus.PENDING_APPROVAL;
    }
}
