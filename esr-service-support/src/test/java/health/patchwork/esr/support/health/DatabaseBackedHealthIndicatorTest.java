package health.patchwork.esr.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class DatabaseBackedHealthIndicatorTest {

    @Test
    void anUnreachableDatabaseIsReportedDownWithoutTheDriversMessage() {
        DatabaseBackedHealthIndicator indicator = new DatabaseBackedHealthIndicator() {
            @Override
            protected Health check() {
                throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLException("Connection to db.example:5432 refused for user QQ123456C", "08001"));
            }
        };

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("08001").doesNotContain("QQ123456C");
    }

    @Test
    void theContributorsOwnAnswerPassesThrough() {
        DatabaseBackedHealthIndicator indicator = new DatabaseBackedHealthIndicator() {
            @Override
            protected Health check() {
                return Health.up().withDetail("heldFiles", 0).build();
            }
        };

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getDetails()).containsEntry("heldFiles", 0);
    }
}
