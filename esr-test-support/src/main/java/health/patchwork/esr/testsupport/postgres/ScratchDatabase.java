package health.patchwork.esr.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A database of its own on the shared server, for a test that needs a schema of a service's fixed name which the
 * other tests of the JVM must not see (a schema migrated by an earlier version, say).
 */
public final class ScratchDatabase {

    private ScratchDatabase() {
    }

    /** Drops the database if a previous run left it, and creates it empty. */
    public static SharedPostgres.Endpoint create(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        SharedPostgres.Endpoint server = SharedPostgres.endpoint();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        String url = server.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
        return new SharedPostgres.Endpoint(url, server.username(), server.password());
    }

    /**
     * What a schema is made of, one line per column, constraint and index, sorted: two schemas with equal shapes
     * hold the same tables in the same form. Flyway's history tables are left out (what ran differs, not the result).
     */
    public static List<String> shape(SharedPostgres.Endpoint database, String schema) {
        String notHistory = " not like 'flyway%history'";
        List<String> shape = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            lines(connection, shape, "select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '"
                    + " || is_nullable || ' ' || coalesce(column_default, '') || ' ' || is_identity"
                    + " from information_schema.columns where table_schema = ? and table_name" + notHistory, schema);
            lines(connection, shape, "select 'constraint ' || c.conrelid::regclass::text || ' ' || c.conname || ' '"
                    + " || pg_get_constraintdef(c.oid) from pg_constraint c join pg_namespace n on n.oid = c.connamespace"
                    + " where n.nspname = ? and c.conrelid::regclass::text" + notHistory
                    + " and c.conrelid::regclass::text not like '%.flyway%history'", schema);
            lines(connection, shape, "select 'index ' || indexname || ' ' || indexdef from pg_indexes"
                    + " where schemaname = ? and tablename" + notHistory, schema);
            lines(connection, shape, "select 'view ' || table_name || ' ' || view_definition from information_schema.views"
                    + " where table_schema = ?", schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the shape of schema " + schema, e);
        }
        shape.sort(null);
        return shape;
    }

    private static void lines(Connection connection, List<String> into, String sql, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    into.add(rows.getString(1));
                }
            }
        }
    }
}
