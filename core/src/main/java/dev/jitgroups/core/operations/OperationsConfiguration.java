package dev.jitgroups.core.operations;

import dev.jitgroups.core.audit.AuditLog;
import dev.jitgroups.core.siem.DeliveringAudit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the audit endpoint when Actuator is on the class path. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
class OperationsConfiguration {

    @Bean
    AuditEndpoint auditEndpoint(AuditLog audit, DeliveringAudit siem) {
        return new AuditEndpoint(audit, siem);
    }
}
