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

    /** The service's application class. */
    protected abstract Class<?> application();

    /** The service's schema. */
    protected abstract String schema();

    /**
     * Where the earlier version's migrations are on the test class path: the service's own location (the migrations
     * it still has, unchanged) and a test resource folder with those it no longer has.
     */
    protected abstract String[] earlierMigrations();

    /** Rows the earlier version had written, as inserts into its tables (unqualified names). */
    protected abstract List<String> earlierRows();

    /** The tables esr-service-support migrates for this service, by their Flyway history table. */
    protected abstract List<String> supportHistories();

    @Test
    void aSchemaOfTheEarlierVersionMigratesOnStartToTheShapeOfANewOneAndKeepsItsRows() throws SQLException {
        SharedPostgres.Endpoint earlier = ScratchDatabase.create(schema() + "_earlier_version");
        Flyway.configure().dataSource(earlier.jdbcUrl(), earlier.username(), earlier.password())
                .schemas(schema()).defaultSchema(schema()).locations(earlierMigrations()).load().migrate();
        try (Connection connection = connect(earlier); Statement statement = connection.createStatement()) {
            statement.execute("set search_path = " + schema());
            for (String row : earlierRows()) {
                statement.execute(row);
            }
        }

        run(application(), on(earlier));
        run(application(), on(earlier));  // and a second start finds nothing left to do
        SharedPostgres.Endpoint created = ScratchDatabase.create(schema() + "_new");
        run(application(), on(created));

        List<String> upgraded = ScratchDatabase.shape(earlier, schema());
        assertThat(upgraded).isNotEmpty().isEqualTo(ScratchDatabase.shape(created, schema()));
        try (Connection connection = connect(earlier); Statement statement = connection.createStatement()) {
            for (String history : supportHistories()) {
                var applied = statement.executeQuery("select count(*) filter (where success and version <> '0'),"
                        + " count(*) filter (where not success) from " + schema() + "." + history);
                applied.next();
                assertThat(applied.getInt(1)).as(history + ": migrations applied").isPositive();
                assertThat(applied.getInt(2)).as(history + ": migrations failed").isZero();
            }
        }
        for (String row : earlierRows()) {
            String table = row.replaceFirst("(?is)^insert into\\s+(\\S+).*", "$1");
            try (Connection connection = connect(earlier); Statement statement = connection.createStatement()) {
                var count = statement.executeQuery("select count(*) from " + schema() + "." + table);
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
