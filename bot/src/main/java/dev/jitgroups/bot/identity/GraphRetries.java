package dev.jitgroups.bot.identity;

import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Response;

/**
 * When the Graph SDK's retry handler sends a request again. It retries 429, 503 and 504 answers and waits as long as
 * their Retry-After says (seconds or an HTTP date; without one, a short exponential back-off). The bot waits inside a
 * chat turn or a card tap, which Teams gives only seconds: an answer asking for a longer wait is not retried here but
 * reported as Graph being unavailable, and the durable job that needed it tries again later with its own back-off.
 */
final class GraphRetries {

    /** Seconds of back-off before the first retry when Graph gives no Retry-After (the SDK's default is 3). */
    private static final long BACK_OFF_SECONDS = 1;

    private GraphRetries() {
    }

    static RetryHandlerOption option(int retries, Duration maxRetryAfter) {
        long limit = maxRetryAfter.toMillis();
        return new RetryHandlerOption((delay, attempt, request, response) -> retryAfterMillis(response, Instant.now())
                <= limit, retries, BACK_OFF_SECONDS);
    }

    /** How long the answer asks to wait, 0 when it does not say (or says something unreadable). */
    static long retryAfterMillis(Response response, Instant now) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Math.round(Double.parseDouble(value.split(",")[0].strip()) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip()));
                return Math.max(0, Duration.between(now, at).toMillis());
            } catch (DateTimeParseException unreadable) {
                return 0;
            }
        }
    }
}
