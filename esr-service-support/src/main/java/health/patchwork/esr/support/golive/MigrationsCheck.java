package health.patchwork.esr.support.golive;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

import health.patchwork.esr.support.logging.Redaction;

/** The database answers, and every migration of this service's schema is applied: none pending, none failed. */
class MigrationsCheck implements GoLiveCheck {

    static final String NAME = "database migrations";
    private static final String DEFAULT_HISTORY = "flyway_schema_history";

    private final List<Flyway> flyways;

    MigrationsCheck(List<Flyway> flyways) {
        this.flyways = List.copyOf(flyways);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReadinessCheck run() {
        if (flyways.isEmpty()) {
            return ReadinessCheck.fail(NAME, "this service runs no Flyway migrations, so its schema cannot be checked");
        }
        StringBuilder detail = new StringBuilder();
        boolean ok = true;
        for (Flyway flyway : flyways) {
            String schemas = String.join(",", flyway.getConfiguration().getSchemas());
            String table = flyway.getConfiguration().getTable();
            // the service's own history keeps Flyway's default name; the support tables' histories are named
            String label = DEFAULT_HISTORY.equals(table) ? schemas : schemas + " (" + table + ")";
            MigrationInfoService info;
            try {
                info = flyway.info();
            } catch (RuntimeException e) {
                return ReadinessCheck.fail(NAME, "database unreachable or history unreadable for schema " + label
                        + ": " + Redaction.describe(e));
            }
            List<MigrationInfo> all = Arrays.asList(info.all());
            List<MigrationInfo> pending = Arrays.asList(info.pending());
            List<MigrationInfo> failed = all.stream().filter(m -> m.getState().isFailed()).toList();
            // synthetic rows (schema creation, baseline markers) are Flyway's bookkeeping, not the service's migrations
            long applied = all.stream()
                    .filter(m -> m.getState() == MigrationState.SUCCESS && !m.getType().isSynthetic()).count();
            MigrationInfo current = info.current();
            ok &= pending.isEmpty() && failed.isEmpty() && applied > 0;
            if (!detail.isEmpty()) {
                detail.append("; ");
            }
            detail.append("schema ").append(label).append(": ").append(applied).append(" migration(s) applied, at version ")
                    .append(current == null || current.getVersion() == null ? "none" : current.getVersion())
                    .append(", pending ").append(versions(pending)).append(", failed ").append(versions(failed));
        }
        return ok ? ReadinessCheck.pass(NAME, detail.toString()) : ReadinessCheck.fail(NAME, detail.toString());
    }

    private static String versions(List<MigrationInfo> migrations) {
        return migrations.isEmpty() ? "none" : migrations.stream()
                .map(m -> m.getVersion() == null ? m.getDescription() : "V" + m.getVersion())
                .collect(Collectors.joining(" ", "[", "]"));
    }
}
