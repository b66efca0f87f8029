package health.patchwork.esr.attendance.health;

import java.util.List;

import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.ledger.PendingPeriod;
import health.patchwork.esr.attendance.period.PayDates;
import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.support.health.Attention;
import health.patchwork.esr.support.health.DatabaseBackedHealthIndicator;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code export} in {@code /actuator/health}: the last TA file sent and what waits to be sent. Files the ledger
 * still calls GENERATED or RENAMING (a crash or an outage interrupted them; the next export or a restart finishes
 * them) and periods whose cut-off passed more than a day ago with lines still unsent. Such an overdue export is ATTENTION
 * (HTTP 200, in neither the liveness nor the readiness group): ESR's payroll will miss those lines, but restarting or
 * unrouting the service would not send them, and it can still take lines. Lines a check before export holds out of
 * files are ATTENTION for the same reason: someone must put the feed or the line right.
 */
@Component("export")
class ExportHealthIndicator extends DatabaseBackedHealthIndicator {

    static final Status OVERDUE = Attention.because("a period's export is overdue; see periodsOverdue");
    static final Status HELD = Attention.because("lines are held out of TA files by the checks before export;"
            + " see heldLines, their status and the period summary");

    private final ExportEntries entries;
    private final ExportLedger files;
    private final PayDates payDates;

    ExportHealthIndicator(ExportEntries entries, ExportLedger files, PayDates payDates) {
        this.entries = entries;
        this.files = files;
        this.payDates = payDates;
    }

    @Override
    protected Health check() {
        long pending = entries.countPending();
        List<String> overdue = entries.overduePeriods(payDates.now()).stream()
                .map(PendingPeriod::label).toList();
        long held = entries.countHeld();
        return (!overdue.isEmpty() ? Health.status(OVERDUE) : held > 0 ? Health.status(HELD) : Health.up())
                .withDetails(files.healthDetails())
                .withDetail("unsentRows", pending)
                .withDetail("heldLines", held)
                .withDetail("periodsOverdue", overdue)
                .build();
    }
}
