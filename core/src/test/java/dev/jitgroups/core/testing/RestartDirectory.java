package dev.jitgroups.core.testing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** A directory that outlives application contexts, as a real one would, for restart tests. */
@Configuration(proxyBeanMethods = false)
public class RestartDirectory {

    public static final FakeDirectory DIRECTORY = FakeDirectory.demo();

    @Bean
    @Primary
    FakeDirectory restartTestDirectory() {
        return DIRECTORY;
    }
}
