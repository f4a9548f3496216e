package dev.jitgroups.core.config;

import dev.jitgroups.core.notification.DriftNotice;
import dev.jitgroups.core.notification.NotificationPort;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.notification.SettledDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Notifications when no chat adapter is present: written to the log. */
class LoggingNotifications implements NotificationPort {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifications.class);

    @Override
    public void requestChanged(RequestNotice n) {
        LOG.info("notice {} for request {} ({} for {}, now {})", n.kind(), n.request().id(), n.policy().name(),
                n.request().requester().userPrincipalName(), n.request().status());
    }

    @Override
    public void decisionSettled(SettledDecision n) {
        LOG.info("decision of {} on request {} made during a directory outage {}", n.decision().approverReference(),
                n.request().id(), n.counted() ? "counts" : "did not count: " + n.refusal().audit());
    }

    @Override
    public void drift(DriftNotice n) {
        LOG.warn("drift in {}: {} member(s) without a grant{}", n.policy().name(), n.uncoveredMemberDns().size(),
                n.removed() ? " (removed)" : "");
    }
}
