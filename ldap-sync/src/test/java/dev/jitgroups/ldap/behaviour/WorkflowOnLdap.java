package dev.jitgroups.ldap.behaviour;

import dev.jitgroups.core.notification.DriftNotice;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.notification.NotificationPort;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.request.RequestId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Core's workflow wired to ldap-sync's adapter by their auto-configurations, as the bot application does. */
@SpringBootConfiguration
@EnableAutoConfiguration
class WorkflowOnLdap {

    @Bean
    Notices notices() {
        return new Notices();
    }

    /** Records what the workflow tells people. */
    static final class Notices implements NotificationPort {

        private final List<RequestNotice> notices = new CopyOnWriteArrayList<>();

        @Override
        public void requestChanged(RequestNotice notice) {
            notices.add(notice);
        }

        @Override
        public void drift(DriftNotice notice) {
            // drift is asserted through the audit log
        }

        List<NoticeKind> kinds(RequestId id) {
            return notices.stream().filter(n -> n.request().id().equals(id)).map(RequestNotice::kind).toList();
        }
    }
}
