package dev.jitgroups.core.testing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** A directory that outlives application contexts and is shared by them, as a real one would be. */
@Configuration(proxyBeanMethods = false)
public class SharedDirectory {

    public static final FakeDirectory DIRECTORY = FakeDirectory.demo();

    @Bean
    @Primary
    FakeDirectory sharedFakeDirectory() {
        return DIRECTORY;
    }
}
