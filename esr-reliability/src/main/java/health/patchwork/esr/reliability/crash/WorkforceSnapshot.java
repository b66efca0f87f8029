package health.patchwork.esr.reliability.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import health.patchwork.esr.testsupport.postgres.SharedPostgres;

/**
 * What an import left in the workforce schema, reduced to a comparable fingerprint: per stored type the row count and
 * a hash of every row's key, raw fields and status; the change feed's length; and how often each file was applied.
 */
public record WorkforceSnapshot(Map<String, String> tables, long feedRows, Map<String, Long> appliedPerFile) {

    public static WorkforceSnapshot read(SharedPostgres.Endpoint database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = connection.createStatement()) {
            Map<String, String> tables = new TreeMap<>();
            for (String table : recordTables(statement)) {
                try (ResultSet rs = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg("
                        + "entity_id || '|' || raw::text || '|' || record_status, E'\\n' order by entity_id, raw::text"
                        + ")), '-') from workforce." + table)) {
                    rs.next();
                    tables.put(table, rs.getString(1));
                }
            }
            long feed;
            try (ResultSet rs = statement.executeQuery("select count(*) from workforce.entity_change")) {
                rs.next();
                feed = rs.getLong(1);
            }
            Map<String, Long> applied = new TreeMap<>();
            try (ResultSet rs = statement.executeQuery("select file_name, count(*) from workforce.file_ledger"
                    + " where state = 'APPLIED' group by file_name")) {
                while (rs.next()) {
                    applied.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new WorkforceSnapshot(tables, feed, applied);
        }
    }

    public static boolean applied(SharedPostgres.Endpoint database, String fileName) {
        return ledgerHas(database, fileName, "state = 'APPLIED'");
    }

    static boolean discovered(SharedPostgres.Endpoint database, String fileName) {
        return ledgerHas(database, fileName, "true");
    }

    private static boolean ledgerHas(SharedPostgres.Endpoint database, String fileName, String condition) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from workforce.file_ledger where file_name = '"
                     + fileName.replace("'", "") + "' and " + condition)) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException notYet) {
            // the schema may not exist yet while the service migrates
            return false;
        }
    }

    /** Drops the service's schema, as before a first deployment; its migrations rebuild it at start-up. */
    public static void reset(SharedPostgres.Endpoint database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists workforce cascade");
        }
    }

    private static List<String> recordTables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables"
                + " where table_schema = 'workforce' and table_name like '%\\_record' and table_type = 'BASE TABLE'"
                + " order by table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
