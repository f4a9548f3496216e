package dev.jitgroups.core.siem;

import java.util.Objects;

/** A secret from configuration (an HMAC key, a key store password): handed out only on purpose, never printed. */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret itself, for the one place that must use it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "(hidden)";
    }
}
