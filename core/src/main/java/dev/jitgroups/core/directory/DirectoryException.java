package dev.jitgroups.core.directory;

/**
 * The directory refused or could not be reached. {@link #retryable()} separates faults worth retrying
 * (server down, busy, timeout) from permanent refusals (no such object, insufficient rights), whose
 * message is shown to people as the reason.
 */
public class DirectoryException extends RuntimeException {

    private final boolean retryable;

    public DirectoryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public DirectoryException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
