package dev.jitgroups.bot.conversation;

import dev.jitgroups.bot.identity.Identity;
import dev.jitgroups.core.directory.Account;
import java.util.Optional;

/**
 * One thing a person said or tapped, with who they are in AD.
 *
 * @param conversationId where it was said: a 1:1 chat, a group chat, or a channel (by its channel id)
 * @param personal a 1:1 chat with the bot (else a channel or group chat)
 * @param who the person's AD account, or why it is not known (no match, or the directory is down)
 * @param text the message text without the bot mention, or empty for a card action
 * @param replyToId the activity a card action came from (the card it is answered on), or null
 * @param firstContact the person's first activity in this 1:1 chat
 */
public record Inbound(String conversationId, boolean personal, Identity who, String text, String replyToId,
        boolean firstContact) {

    /** The person's AD account; empty when unknown or when the directory could not be asked. */
    public Optional<Account> account() {
        return who.knownAccount();
    }

    /** True when the directory could not be reached to tell who the person is. */
    public boolean directoryDown() {
        return who instanceof Identity.DirectoryDown;
    }
}
