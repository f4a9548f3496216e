package dev.jitgroups.core.request;

import java.util.Objects;
import java.util.UUID;

/** Identity of an access request. */
public record RequestId(UUID value) {

    public RequestId {
        Objects.requireNonNull(value, "value");
    }

    public static RequestId random() {
        return new RequestId(UUID.randomUUID());
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException when the text is not a request id
     */
    public static RequestId parse(String text) {
        try {
            return new RequestId(UUID.fromString(text.strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a request id: " + text);
        }
    }

    /** The first eight characters, enough for people to tell requests apart in chat. */
    public String shortForm() {
        return value.toString().substring(0, 8);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
