package dev.jitgroups.bot.identity;

/** Microsoft Graph could not answer, or refused; {@link #problem()} says which, and so whether to try again. */
public class GraphException extends RuntimeException {

    /** What went wrong, as far as a caller must tell apart. */
    public enum Problem {
        /** Network trouble, throttling (429) or a server error: worth trying again later. */
        UNAVAILABLE,
        /** 401/403: the app registration lacks a permission (or admin consent). */
        FORBIDDEN,
        /** 404: no such user, app or installation. */
        NOT_FOUND,
        /** Any other refusal. */
        REFUSED
    }

    private final Problem problem;
    private final int status;

    GraphException(String message, Problem problem) {
        this(message, problem, 0);
    }

    private GraphException(String message, Problem problem, int status) {
        super(message);
        this.problem = problem;
        this.status = status;
    }

    /** For an HTTP answer of Graph; status 0 means no answer at all. */
    static GraphException of(String message, int status) {
        return new GraphException(message, problemOf(status), status);
    }

    static Problem problemOf(int status) {
        if (status == 0 || status == 429 || status >= 500) {
            return Problem.UNAVAILABLE;
        }
        if (status == 401 || status == 403) {
            return Problem.FORBIDDEN;
        }
        return status == 404 ? Problem.NOT_FOUND : Problem.REFUSED;
    }

    /** The HTTP status Graph answered, 0 when there was no answer. */
    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }

    public boolean retryable() {
        return problem == Problem.UNAVAILABLE;
    }
}
