package dev.jitgroups.core.audit;

import dev.jitgroups.core.testing.OwnFakes;
import dev.jitgroups.core.testing.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AuditTamperingTest} on PostgreSQL, the store for several instances. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+",
        disabledReason = "no PostgreSQL configured (JIT_TEST_POSTGRES_URL); .ci/run starts one")
@Import(OwnFakes.class)
class AuditTamperingOnPostgresTest extends AuditTamperingTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "audit_tampering");
    }
}
