package dev.jitgroups.bot.notify;

import dev.jitgroups.core.policy.GroupPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The channels of a group's feed: those subscribed in Teams ({@code subscribe <group>}) and the channel id in
 * {@code notify-channel}. A notify-channel that is not a channel id ({@code 19:...}) is a label only: the bot never
 * looks a channel up by name, since any team can name a channel that way.
 */
@Component
class GroupChannels {

    private static final Logger LOG = LoggerFactory.getLogger(GroupChannels.class);

    private final ConversationStore store;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    GroupChannels(ConversationStore store) {
        this.store = store;
    }

    List<Address> of(GroupPolicy p) {
        Set<String> ids = new LinkedHashSet<>(store.subscribers(p.name()));
        p.notifyChannel().filter(GroupChannels::isChannelId).ifPresent(ids::add);
        List<Address> found = new ArrayList<>();
        for (String id : ids) {
            store.channel(id).ifPresentOrElse(found::add, () -> warnOnce(p.name() + "|" + id, "channel {} of group {} "
                    + "has no stored conversation reference yet; mention the bot there once so it can post", id,
                    p.name()));
        }
        if (ids.isEmpty()) {
            p.notifyChannel().ifPresent(label -> warnOnce(p.name() + "|" + label, "notify-channel '{}' of group {} is "
                    + "a label, not a channel id; send 'subscribe {}' in that channel to bind it", label, p.name(),
                    p.name()));
        }
        return found;
    }

    private static boolean isChannelId(String s) {
        return s.startsWith("19:");
    }

    private void warnOnce(String key, String message, Object... args) {
        if (warned.add(key)) {
            LOG.warn(message, args);
        }
    }
}
