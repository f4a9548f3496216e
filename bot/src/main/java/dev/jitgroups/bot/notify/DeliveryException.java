package dev.jitgroups.bot.notify;

/** A message could not be delivered; {@link #retryable()} when trying again later may help (network, 429, 5xx). */
public class DeliveryException extends RuntimeException {

    private final boolean retryable;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
