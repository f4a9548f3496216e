package dev.jitgroups.core.testing;

import dev.jitgroups.core.notification.NotificationPort;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The smallest application around core: the fake directory and a recording notification port. */
@SpringBootApplication
public class CoreTestApplication {

    /** Shared by contexts that are restarted within one test, like a real directory would be. */
    public static volatile FakeDirectory directory = FakeDirectory.demo();
    public static volatile RecordingNotifications notifications = new RecordingNotifications();

    /** Serves as both AccountDirectory and GroupMembership. */
    @Bean
    FakeDirectory fakeDirectory() {
        return directory;
    }

    @Bean
    NotificationPort notificationPort() {
        return notifications;
    }
}
