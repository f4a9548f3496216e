package dev.jitgroups.core.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retry timing of durable jobs ({@code jit.jobs.*}).
 *
 * @param retryInitial wait after the first failure
 * @param retryMax longest wait between two attempts
 */
@ConfigurationProperties("jit.jobs")
public record JobSettings(@DefaultValue("2s") Duration retryInitial, @DefaultValue("5m") Duration retryMax) {

    public JobSettings {
        if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("jit.jobs.retry-initial must be > 0 and jit.jobs.retry-max >= "
                    + "jit.jobs.retry-initial (got " + retryInitial + " and " + retryMax + ")");
        }
    }
}
