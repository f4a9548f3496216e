package dev.jitgroups.bot.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;
import dev.jitgroups.bot.cards.Message;
import java.util.List;

/** Our messages as Bot Framework activities. */
final class Activities {

    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    private Activities() {
    }

    static Activity of(Message m) {
        Activity activity = Activity.createMessageActivity();
        if (m.isCard()) {
            Attachment attachment = new Attachment();
            attachment.setContentType(ADAPTIVE_CARD);
            attachment.setContent(m.card());
            activity.setAttachments(List.of(attachment));
        } else {
            activity.setText(m.text());
            activity.setTextFormat(TextFormatTypes.MARKDOWN);
        }
        return activity;
    }
}
