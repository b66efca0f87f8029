package health.patchwork.esr.absence.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import health.patchwork.esr.absence.period.PayrollPeriod;
import health.patchwork.esr.absence.support.AbsenceServiceTest;
import health.patchwork.esr.formats.calendar.PeriodType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** Absences a finalised period's export should have carried, still unsent a day later, make the export ATTENTION. */
class AbsenceExportHealthTest extends AbsenceServiceTest {

    private static final Instant POSTED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant FINALISED = POSTED.plus(Duration.ofHours(1));

    /** The {@code export} component of /actuator/health (absence.health.AbsenceExportHealth). */
    @Autowired
    @Qualifier("export")
    HealthIndicator health;
    @Autowired
    AbsenceExport export;

    @Test
    void anExportThatDidNotHappenIsOverdueADayAfterTheFinalisationUntilItIsSent() {
        clock.set(POSTED);
        assertThat(post("/api/v1/absences", AbsenceExportTest.batch(AbsenceExportTest.SICK_127)).status())
                .isEqualTo(200);
        // finalised, but its export failed (say the mailbox was down): recorded without a file
        jdbc.update("insert into finalised_period (period_type, period_key, finalised_at, finalised_by)"
                + " values ('M', 2707, ?, 'platform')", Timestamp.from(FINALISED));

        clock.set(FINALISED.plus(Duration.ofDays(1)).minusSeconds(60));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        clock.set(FINALISED.plus(Duration.ofDays(1)).plusSeconds(60));
        Health overdue = health.health();
        assertThat(overdue.getStatus().getCode()).isEqualTo("ATTENTION");
        assertThat(overdue.getDetails()).containsEntry("absencesOverdue", 1L).containsEntry("lastFileSent", "none yet");

        export.finalise(new PayrollPeriod(null, PeriodType.MONTHLY, 2707), "operator");

        Health sent = health.health();
        assertThat(sent.getStatus()).isEqualTo(Status.UP);
        assertThat(sent.getDetails().get("lastFileSent")).asString().contains("AB_123_PWH_MN2707_00000001.DAT");
    }

    @Test
    void anAbsencePostedAfterTheFinalisationWaitsForTheNextOneWithoutAnAlarm() {
        clock.set(POSTED);
        jdbc.update("insert into finalised_period (period_type, period_key, finalised_at, finalised_by)"
                + " values ('M', 2707, ?, 'platform')", Timestamp.from(POSTED.minus(Duration.ofHours(1))));
        assertThat(post("/api/v1/absences", AbsenceExportTest.batch(AbsenceExportTest.SICK_127)).status())
                .isEqualTo(200);

        clock.set(POSTED.plus(Duration.ofDays(10)));

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
