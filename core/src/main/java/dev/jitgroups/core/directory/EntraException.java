package dev.jitgroups.core.directory;

/**
 * Entra ID could not say whether someone is in an {@code entra-group:} (Microsoft Graph unreachable, throttling, or a
 * refusal such as a missing permission). A directory fault like any other, so decisions fail closed and a tap is kept
 * while it lasts; its own type lets people be told that Microsoft Graph, not Active Directory, is the trouble.
 */
public class EntraException extends DirectoryException {

    public EntraException(String message, boolean retryable, Throwable cause) {
        super(message, retryable, cause);
    }
}
