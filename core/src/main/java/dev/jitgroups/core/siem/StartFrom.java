package dev.jitgroups.core.siem;

/** Where a sink seen for the first time starts: with the oldest audit event, or with the next one written. */
public enum StartFrom {
    BEGINNING, NOW
}
