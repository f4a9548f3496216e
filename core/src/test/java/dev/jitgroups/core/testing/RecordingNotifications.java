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

    @Override
    public void requestChanged(RequestNotice notice) {
        notices.add(notice);
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
