package dev.jitgroups.bot.notify;

import dev.jitgroups.core.directory.Account;
import java.util.ArrayList;
import java.util.List;

/** How posting one notice's approval cards went: who has one, who cannot be reached, who is still being tried. */
final class CardRound {

    /** An approver without the card, and why. */
    record Missed(Account approver, Unreachable why, String detail) {
    }

    private final List<Account> asked = new ArrayList<>();
    private final List<Missed> unreachable = new ArrayList<>();
    private final List<Missed> trying = new ArrayList<>();
    private boolean inChannel;

    void asked(Account approver) {
        asked.add(approver);
    }

    void unreachable(Account approver, Unreachable why, String detail) {
        unreachable.add(new Missed(approver, why, detail));
    }

    void trying(Account approver, Unreachable why, String detail) {
        trying.add(new Missed(approver, why, detail));
    }

    void inChannel(boolean posted) {
        inChannel = posted;
    }

    List<Account> asked() {
        return List.copyOf(asked);
    }

    List<Missed> unreachable() {
        return List.copyOf(unreachable);
    }

    List<Missed> trying() {
        return List.copyOf(trying);
    }

    /** A channel of the group has the card (where every approver can decide by refresh). */
    boolean inChannel() {
        return inChannel;
    }
}
