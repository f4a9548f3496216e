package dev.jitgroups.bot.cards;

/** Who a posted card that shows a request is for, which decides how it is drawn again when the request changes. */
public enum CardView {
    /** An approver 1:1: Approve/Deny while they may still decide. */
    APPROVER,
    /** A channel: the status for everyone, the buttons by refresh for who may decide. */
    CHANNEL,
    /** The requester or an admin: the request's state, no buttons. */
    VIEWER,
    /** A requester's status card: all their open requests, drawn again whole. */
    STATUS
}
