package dev.jitgroups.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for the tests that prove core's SQL runs there too. {@code .ci/run} starts one on
 * loopback ({@code .ci/postgres.sh}) and sets {@code JIT_TEST_POSTGRES_URL}; without it these tests are skipped.
 */
public final class PostgresTestDatabase {

    public static final String URL_VARIABLE = "JIT_TEST_POSTGRES_URL";

    private PostgresTestDatabase() {
    }

    /** Points the context at a freshly emptied schema of the test database. */
    public static void register(DynamicPropertyRegistry registry, String schema) {
        String url = freshSchema(schema);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", PostgresTestDatabase::user);
        registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("JIT_TEST_POSTGRES_PASSWORD", ""));
    }

    /** Empties (drops and creates) the schema and returns a JDBC URL that uses it. */
    public static String freshSchema(String schema) {
        String url = System.getenv(URL_VARIABLE);
        try (Connection c = DriverManager.getConnection(url, user(), System.getenv("JIT_TEST_POSTGRES_PASSWORD"));
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare PostgreSQL test schema at " + url, e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The same as command-line arguments, for a test that starts (and restarts) an application itself. */
    public static List<String> arguments(String schema) {
        return List.of("--spring.datasource.url=" + freshSchema(schema), "--spring.datasource.username=" + user(),
                "--spring.datasource.password=" + System.getenv().getOrDefault("JIT_TEST_POSTGRES_PASSWORD", ""));
    }

    private static String user() {
        return System.getenv().getOrDefault("JIT_TEST_POSTGRES_USER", "jitgroups");
    }
}
