package health.patchwork.esr.attendance.health;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.attendance.period.PayrollCalendar;
import health.patchwork.esr.support.health.Attention;
import health.patchwork.esr.support.health.DatabaseBackedHealthIndicator;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code export} in {@code /actuator/health}: the last TA file sent and what waits to be sent. Files the ledger
 * still calls GENERATED or RENAMING (a crash or an outage interrupted them; the next export or a restart finishes
 * them) and periods whose cut-off passed more than a day ago with lines still unsent. Such an overdue export is ATTENTION
 * (HTTP 200, in neither the liveness nor the readiness group): ESR's payroll will miss those lines, but restarting or
 * unrouting the service would not send them, and it can still take lines.
 */
@Component("export")
class ExportHealthIndicator extends DatabaseBackedHealthIndicator {

    private static final Duration OVERDUE_AFTER = Duration.ofDays(1);
    static final Status OVERDUE = Attention.because("a period's export is overdue; see periodsOverdue");

    private final JdbcClient jdbc;
    private final ExportLedger files;
    private final PayrollCalendar calendar;

    ExportHealthIndicator(JdbcClient jdbc, ExportLedger files, PayrollCalendar calendar) {
        this.jdbc = jdbc;
        this.files = files;
        this.calendar = calendar;
    }

    @Override
    protected Health check() {
        Integer pending = jdbc.sql("select count(*) from export_entry where export_file_id is null")
                .query(Integer.class).single();
        List<String> overdue = jdbc.sql("""
                select distinct lpad(tax_year::text, 2, '0') || lpad(tax_period::text, 2, '0') from export_entry
                where export_file_id is null and cut_off < ? order by 1""")
                .params(Timestamp.from(calendar.now().minus(OVERDUE_AFTER))).query(String.class).list();
        return (overdue.isEmpty() ? Health.up() : Health.status(OVERDUE))
                .withDetails(files.healthDetails())
                .withDetail("unsentRows", pending)
                .withDetail("periodsOverdue", overdue)
                .build();
    }
}
