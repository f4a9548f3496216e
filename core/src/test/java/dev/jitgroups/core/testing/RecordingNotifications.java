package dev.jitgroups.core.testing;

import dev.jitgroups.core.notification.DriftNotice;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.notification.NotificationPort;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.notification.SettledDecision;
import dev.jitgroups.core.request.RequestId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the workflow asked to tell people. */
public final class RecordingNotifications implements NotificationPort {

    public final List<RequestNotice> notices = new CopyOnWriteArrayList<>();
    public final List<DriftNotice> drifts = new CopyOnWriteArrayList<>();
    public final List<SettledDecision> settled = new CopyOnWriteArrayList<>();

    private final java.util.Map<NoticeKind, java.time.Duration> slow = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void requestChanged(RequestNotice notice) {
        java.time.Duration delay = slow.get(notice.kind());
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        notices.add(notice);
    }

    /** Notices of this kind take that long to deliver (a slow chat service), until {@link #clearDelays}. */
    public void delay(NoticeKind kind, java.time.Duration delay) {
        slow.put(kind, delay);
    }

    public void clearDelays() {
        slow.clear();
    }

    @Override
    public void drift(DriftNotice notice) {
        drifts.add(notice);
    }

    @Override
    public void decisionSettled(SettledDecision notice) {
        settled.add(notice);
    }

    public List<NoticeKind> kindsFor(RequestId id) {
        return notices.stream().filter(n -> n.request().id().equals(id)).map(RequestNotice::kind).toList();
    }
}
