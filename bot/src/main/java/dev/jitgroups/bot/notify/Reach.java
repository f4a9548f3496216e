package dev.jitgroups.bot.notify;

/** Whether the bot has somewhere to post to an approver 1:1. */
sealed interface Reach {

    /** A 1:1 chat with the approver, stored or just opened. */
    record Chat(Address address) implements Reach {
    }

    /**
     * No way to reach the approver now.
     *
     * @param detail for the log: what exactly failed and which key to check (never shown to people)
     */
    record NotReached(Unreachable why, String detail) implements Reach {
    }

    /** Teams or Microsoft Graph did not answer: the notice job tries again. */
    record Later(Unreachable why, DeliveryException cause) implements Reach {
    }
}
