package dev.jitgroups.core.siem;

import dev.jitgroups.core.testing.PostgresTestDatabase;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link SiemDeliveryTest} on PostgreSQL, the store for several instances. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+",
        disabledReason = "no PostgreSQL configured (JIT_TEST_POSTGRES_URL); .ci/run starts one")
class SiemDeliveryOnPostgresTest extends SiemDeliveryTest {

    private List<String> database;

    /** One fresh schema for the test, kept across the restart. */
    @Override
    protected List<String> database() {
        if (database == null) {
            database = PostgresTestDatabase.arguments("siem_delivery");
        }
        return database;
    }
}
