package dev.jitgroups.core.config;

import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.siem.DeliveringAudit;
import dev.jitgroups.core.siem.SiemOutbox;
import dev.jitgroups.core.siem.SiemSettings;
import dev.jitgroups.core.siem.Sinks;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The SIEM push ({@code jit.siem}): settings validated at start-up and the delivery use case; off with no sinks. */
@Configuration(proxyBeanMethods = false)
class SiemWiring {

    @Bean
    SiemSettings siemSettings(Environment env) {
        return SiemBinding.bind(env);
    }

    @Bean
    DeliveringAudit deliveringAudit(SiemSettings settings, SiemOutbox outbox, PolicyCatalog catalog, Clock clock) {
        return new DeliveringAudit(settings, Sinks.create(settings, clock), outbox, catalog, clock);
    }
}
