package dev.jitgroups.bot.conversation;

import dev.jitgroups.core.directory.Account;
import java.util.Optional;

/**
 * One thing a person said or tapped, with who they are in AD.
 *
 * @param personal a 1:1 chat with the bot (else a channel or group chat)
 * @param account the person's AD account; empty when they could not be mapped
 * @param text the message text without the bot mention, or empty for a card action
 */
public record Inbound(String conversationId, boolean personal, Optional<Account> account, String text) {
}
