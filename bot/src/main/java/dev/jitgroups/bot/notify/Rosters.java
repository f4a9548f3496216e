package dev.jitgroups.bot.notify;

import java.util.List;

/**
 * Rosters of teams and group chats through the Bot Connector ({@code GET /v3/conversations/{id}/pagedmembers}, every
 * page).
 */
public interface Rosters {

    /**
     * @param via a stored conversation there (a channel of the team, or the group chat): its service URL is used
     * @param rosterId the team id, or the group chat's conversation id
     * @throws DeliveryException when Teams refused (the bot was removed from the team, say) or did not answer
     */
    List<TeamMember> members(Address via, String rosterId);
}
