package dev.jitgroups.core.testing;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The smallest application around core: the fake directory and a recording notification port. No component
 * scan, so that test configurations next to it are used only where a test imports them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
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
    RecordingNotifications recordingNotifications() {
        return notifications;
    }
}
