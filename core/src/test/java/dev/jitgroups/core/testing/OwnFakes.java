package dev.jitgroups.core.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A private fake directory and notification recorder for a context that must not share the default ones. */
@TestConfiguration(proxyBeanMethods = false)
public class OwnFakes {

    @Bean
    @Primary
    FakeDirectory ownDirectory() {
        return FakeDirectory.demo();
    }

    @Bean
    @Primary
    RecordingNotifications ownNotifications() {
        return new RecordingNotifications();
    }
}
