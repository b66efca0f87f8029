package health.patchwork.esr.support.health;

import health.patchwork.esr.support.logging.Redaction;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;

/**
 * A health contributor that reads its facts from the database. While the database is unreachable it reports DOWN
 * with the cause's class and SQLSTATE: a contributor that throws instead fails the whole health endpoint with a
 * 500 (found by the reliability harness's database-restart scenario), hiding which part is down.
 */
public abstract class DatabaseBackedHealthIndicator implements HealthIndicator {

    @Override
    public final Health health() {
        try {
            return check();
        } catch (DataAccessException e) {
            return Health.down().withDetail("error", Redaction.describe(e)).build();
        }
    }

    /** The contributor's own answer, read from the database. */
    protected abstract Health check();
}
