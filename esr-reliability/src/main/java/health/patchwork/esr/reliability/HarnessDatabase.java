package health.patchwork.esr.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import health.patchwork.esr.testsupport.postgres.SharedPostgres;

/** Plain JDBC on the shared PostgreSQL, for resetting schemas and reading what the services left. */
public final class HarnessDatabase {

    private final SharedPostgres.Endpoint endpoint;

    public HarnessDatabase(SharedPostgres.Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    public SharedPostgres.Endpoint endpoint() {
        return endpoint;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.username(), endpoint.password());
    }

    /** Drops schemas, as before a first deployment; each service's migrations rebuild its own at start-up. */
    public void dropSchemas(String... schemas) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public long count(String sql, Object... parameters) throws SQLException {
        List<String> values = strings(sql, parameters);
        return values.isEmpty() || values.get(0) == null ? 0 : Long.parseLong(values.get(0));
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
