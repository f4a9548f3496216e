package dev.jitgroups.bot.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL database that {@code .ci/run} starts ({@code JIT_TEST_POSTGRES_URL}), in a schema of the test's own,
 * read with plain JDBC as an operator would.
 */
final class SharedDatabase {

    static final String URL_VARIABLE = "JIT_TEST_POSTGRES_URL";

    private final String url;

    private SharedDatabase(String url) {
        this.url = url;
    }

    /** Drops and creates the schema; the URL the instances use points at it. */
    static SharedDatabase freshSchema(String schema) throws SQLException {
        String base = System.getenv(URL_VARIABLE);
        try (Connection c = DriverManager.getConnection(base, user(), password()); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        }
        return new SharedDatabase(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    String url() {
        return url;
    }

    static String user() {
        return System.getenv().getOrDefault("JIT_TEST_POSTGRES_USER", "jitgroups");
    }

    static String password() {
        return System.getenv().getOrDefault("JIT_TEST_POSTGRES_PASSWORD", "");
    }

    /** Each request's status by requester UPN; empty before the application has created its tables. */
    Map<String, String> statusByRequester() throws SQLException {
        Map<String, String> status = new LinkedHashMap<>();
        if (!hasTable("access_request")) {
            return status;
        }
        try (Connection c = connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT requester_upn, status FROM access_request ORDER BY requester_upn")) {
            while (rs.next()) {
                status.put(rs.getString(1), rs.getString(2));
            }
        }
        return status;
    }

    /** How often each requester's requests were audited with this action. */
    Map<String, Long> auditCountByRequester(String action) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT r.requester_upn, "
                + "COUNT(e.seq) FROM access_request r LEFT JOIN audit_event e ON e.request_id = CAST(r.id AS VARCHAR(36)) "
                + "AND e.action = ? GROUP BY r.requester_upn ORDER BY r.requester_upn")) {
            st.setString(1, action);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    long count(String sql, String... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private boolean hasTable(String table) throws SQLException {
        return count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_name = ?", table) > 0;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }
}
