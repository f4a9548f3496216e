package dev.jitgroups.core.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciliation ({@code jit.reconcile.*}).
 *
 * @param interval time between two runs (one instance runs it at a time)
 * @param enforce remove members that no grant covers; false only reports them
 */
@ConfigurationProperties("jit.reconcile")
public record ReconcileSettings(@DefaultValue("5m") Duration interval, @DefaultValue("false") boolean enforce) {
}
