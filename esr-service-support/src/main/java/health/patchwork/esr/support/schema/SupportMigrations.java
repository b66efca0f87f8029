package health.patchwork.esr.support.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates a service's schema: first the tables of the support features the service uses, each from its own
 * location with its own history, then the service's own migrations (which may reference those tables, as
 * {@code timesheet_line} references {@code export_file}).
 *
 * <p>A schema migrated before support shipped its tables already holds them, created by the service's own early
 * migrations, which are gone from the service now. Two settings make that schema migrate with no manual step:
 * every Flyway here baselines a schema it finds non-empty at version 0, so that all its migrations still run (they
 * are written to leave existing tables as they are), and the service's own Flyway ignores applied migrations that
 * it no longer has (those moved here, older or newer than its newest).
 */
public final class SupportMigrations implements FlywayMigrationStrategy {

    private final Set<SupportTables> used;

    public SupportMigrations(Collection<SupportTables> used) {
        this.used = used.isEmpty() ? EnumSet.noneOf(SupportTables.class) : EnumSet.copyOf(used);
    }

    @Override
    public void migrate(Flyway service) {
        for (Flyway flyway : all(service)) {
            flyway.migrate();
        }
    }

    /** Every Flyway that migrates the service's schema, in the order they run: support's sets, then the service's. */
    public List<Flyway> all(Flyway service) {
        List<Flyway> all = new ArrayList<>();
        for (SupportTables tables : used) {
            all.add(configured(service)
                    .locations(tables.location())
                    .table(tables.historyTable())
                    .ignoreMigrationPatterns("*:future")
                    .load());
        }
        // moved migrations count as missing when older than the service's newest and as future when newer
        // ("future" is Flyway's default too)
        all.add(configured(service).ignoreMigrationPatterns("*:missing", "*:future").load());
        return all;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configured(Flyway service) {
        return Flyway.configure(service.getConfiguration().getClassLoader())
                .configuration(service.getConfiguration())
                .baselineOnMigrate(true)
                .baselineVersion("0");
    }
}
