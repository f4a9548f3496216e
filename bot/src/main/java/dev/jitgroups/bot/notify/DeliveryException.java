package dev.jitgroups.bot.notify;

/** A message could not be delivered; {@link #retryable()} when trying again later may help (network, 429, 5xx). */
public class DeliveryException extends RuntimeException {

    private final boolean retryable;
    private final int status;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, 0, cause);
    }

    /** @param status the HTTP status Teams answered, 0 when it did not answer */
    public DeliveryException(String message, boolean retryable, int status, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.status = status;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The HTTP status Teams answered, 0 when unknown or when it did not answer. */
    public int status() {
        return status;
    }
}
