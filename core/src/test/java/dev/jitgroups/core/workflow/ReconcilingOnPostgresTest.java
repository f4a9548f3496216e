package dev.jitgroups.core.workflow;

import dev.jitgroups.core.testing.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ReconcilingTest} on PostgreSQL: the drift ledger, group identities and grant locks there. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+",
        disabledReason = "no PostgreSQL configured (JIT_TEST_POSTGRES_URL); .ci/run starts one")
class ReconcilingOnPostgresTest extends ReconcilingTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "reconciling");
    }
}
