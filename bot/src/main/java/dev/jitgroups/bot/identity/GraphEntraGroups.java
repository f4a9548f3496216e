package dev.jitgroups.bot.identity;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.EntraException;
import dev.jitgroups.core.directory.EntraGroups;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code entra-group:<objectId>} membership through Graph: the AD account's objectSid finds the synchronised Entra
 * user, whose transitive groups are checked. Without Graph configured nobody matches. When Graph cannot answer, that
 * is an {@link EntraException} (retryable for an outage), never a quiet "not a member": the decision still fails
 * closed, but the person is told Microsoft Graph could not be asked, and a tap is kept until it can.
 */
class GraphEntraGroups implements EntraGroups {

    private static final Logger LOG = LoggerFactory.getLogger(GraphEntraGroups.class);

    private final Optional<GraphClient> graph;

    GraphEntraGroups(Optional<GraphClient> graph) {
        this.graph = graph;
    }

    @Override
    public boolean isMember(Account user, String groupObjectId) {
        if (graph.isEmpty()) {
            LOG.warn("entra-group:{} cannot be checked: Microsoft Graph is not configured (jit.graph.*)", groupObjectId);
            return false;
        }
        try {
            return graph.get().userIdBySid(user.id()).map(id -> graph.get().isMemberOf(id, groupObjectId)).orElse(false);
        } catch (GraphException e) {
            LOG.warn("entra-group:{} membership of {} unknown: {}", groupObjectId, user.userPrincipalName(), e.getMessage());
            String why = e.problem() == GraphException.Problem.FORBIDDEN ? "Microsoft Graph refused the bot (check "
                    + "the GroupMember.Read.All permission and admin consent)" : "Microsoft Graph could not be reached";
            throw new EntraException(why + " to check entra-group:" + groupObjectId + " (" + e.getMessage() + ")",
                    e.retryable(), e);
        }
    }
}
