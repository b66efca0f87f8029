package health.patchwork.esr.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import health.patchwork.esr.testsupport.postgres.ScratchDatabase;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database that an earlier version of a service migrated is brought up to date by starting the current version,
 * with no manual step, and ends in the same shape as a database the current version created, with its rows kept.
 * The earlier version's migrations are the service's current ones plus, as test resources copied as they were, the
 * ones it has since given up (moved to esr-service-support, say).
 */
public abstract class SchemaUpgradeTest extends ServiceStartupTest {

    private static final String EARLIER = "main-2026-12-04";

    private final Class<?> application;
    private final String schema;
    private final String exportedFileName;

    /**
     * @param application      the service's application class
     * @param schema           its schema
     * @param exportedFileName for a service that exports files, the name of one the earlier version had recorded;
     *                         null for one that does not
     */
    protected SchemaUpgradeTest(Class<?> application, String schema, String exportedFileName) {
        this.application = application;
        this.schema = schema;
        this.exportedFileName = exportedFileName;
    }

    /**
     * The earlier version's migrations: the service's own (those it still has, unchanged) and, in a test resource
     * folder, those it has since given up to esr-service-support.
     */
    private String[] earlierMigrations() {
        return new String[] {"classpath:db/migration/" + schema, "classpath:db/" + EARLIER + "/" + schema};
    }

    /** Rows the earlier version had written into the tables that moved, as inserts (unqualified names). */
    private List<String> earlierRows() {
        List<String> rows = new java.util.ArrayList<>(List.of(
                "insert into operator_audit (subject, action, target, channel, outcome)"
                        + " values ('operator-1', 'EXPORT', 'period 2026/08', 'REST', 'DONE')",
                "insert into int_lock (lock_key, region, created_date, expired_after)"
                        + " values ('00000000-0000-0000-0000-000000000001', 'earlier', now(), now())"));
        if (exportedFileName != null) {
            rows.add("insert into export_file (file_name, sequence_number, period_type, period_run, tax_year,"
                    + " tax_period, state, row_count) values ('" + exportedFileName + "', 1, 'M', 'N', 26, 8,"
                    + " 'UPLOADED', 0)");
        }
        return rows;
    }

    /** The Flyway histories of the support tables the service holds. */
    private List<String> supportHistories() {
        return exportedFileName == null
                ? List.of("flyway_support_audit_history", "flyway_support_leader_history")
                : List.of("flyway_support_audit_history", "flyway_support_leader_history",
                        "flyway_support_export_history");
    }

    @Test
    void aSchemaOfTheEarlierVersionMigratesOnStartToTheShapeOfANewOneAndKeepsItsRows() throws SQLException {
        SharedPostgres.Endpoint earlier = ScratchDatabase.create(schema + "_earlier_version");
        Flyway.configure().dataSource(earlier.jdbcUrl(), earlier.username(), earlier.password())
                .schemas(schema).defaultSchema(schema).locations(earlierMigrations()).load().migrate();
        try (Connection connection = connect(earlier); Statement statement = connection.createStatement()) {
            statement.execute("set search_path = " + schema);
            for (String row : earlierRows()) {
                statement.execute(row);
            }
        }

        run(application, on(earlier));
        run(application, on(earlier));  // and a second start finds nothing left to do
        SharedPostgres.Endpoint created = ScratchDatabase.create(schema + "_new");
        run(application, on(created));

        List<String> upgraded = ScratchDatabase.shape(earlier, schema);
        assertThat(upgraded).isNotEmpty().isEqualTo(ScratchDatabase.shape(created, schema));
        try (Connection connection = connect(earlier); Statement statement = connection.createStatement()) {
            for (String history : supportHistories()) {
                var applied = statement.executeQuery("select count(*) filter (where success and version <> '0'),"
                        + " count(*) filter (where not success) from " + schema + "." + history);
                applied.next();
                assertThat(applied.getInt(1)).as(history + ": migrations applied").isPositive();
                assertThat(applied.getInt(2)).as(history + ": migrations failed").isZero();
            }
        }
        for (String row : earlierRows()) {
            String table = row.replaceFirst("(?is)^insert into\\s+(\\S+).*", "$1");
            try (Connection connection = connect(earlier); Statement statement = connection.createStatement()) {
                var count = statement.executeQuery("select count(*) from " + schema + "." + table);
                count.next();
                assertThat(count.getInt(1)).as("rows of " + table).isPositive();
            }
        }
    }

    private StartupArguments on(SharedPostgres.Endpoint database) {
        return valid().with("spring.datasource.url", database.jdbcUrl());
    }

    private static Connection connect(SharedPostgres.Endpoint database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
