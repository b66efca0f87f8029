package health.patchwork.esr.attendance.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.ledger.PendingPeriod;
import health.patchwork.esr.attendance.period.PayDates;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.support.payroll.PayPlacement;
import health.patchwork.esr.support.payroll.PayrollCalendar;

import org.springframework.stereotype.Component;

/**
 * What a bank worker's manager and a payroll officer ask before payday: for each payroll, when its next cut-offs
 * are and how many lines wait for each, and which periods past their cut-off still have lines waiting (they go at
 * the next export, into the normal run if it has not been made, else a supplementary one). One read of the waiting
 * entries for all payrolls.
 */
@Component
class PaySchedule {

    /** How many coming cut-offs of each payroll are listed. */
    static final int COMING = 3;

    record Schedule(Instant at, List<Payroll> payrolls) {
    }

    /** @param payroll ESR's name; left out for the single payroll of a deployment without payroll settings */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payroll(String payroll, String periodType, List<Period> periods) {
    }

    /**
     * @param period       {@code <T><YY><PP>}, as in the file name
     * @param due          its cut-off has passed: its waiting lines go at the next export
     * @param waitingLines lines with rows waiting for this period's next file
     */
    record Period(String period, Instant cutOff, boolean due, int waitingLines, int waitingRows) {
    }

    private final PayDates payDates;
    private final ExportEntries entries;

    PaySchedule(PayDates payDates, ExportEntries entries) {
        this.payDates = payDates;
        this.entries = entries;
    }

    Schedule now() {
        Instant now = payDates.now();
        Map<String, List<PendingPeriod>> waiting = new HashMap<>();
        entries.pendingPeriods().forEach(p -> waiting.computeIfAbsent(key(p.payroll()), k -> new ArrayList<>()).add(p));
        List<Payroll> payrolls = new ArrayList<>();
        for (PayrollCalendar payroll : payDates.payrolls().all()) {
            List<PendingPeriod> ofPayroll = waiting.getOrDefault(key(payroll.name()), List.of());
            List<Period> periods = new ArrayList<>();
            for (PendingPeriod pending : ofPayroll) {
                periods.add(new Period(label(payroll, pending.period()), pending.cutOff(),
                        !now.isBefore(pending.cutOff()), pending.lines(), pending.rows()));
            }
            for (PayPlacement coming : payroll.comingCutOffs(payDates.today(), now, COMING)) {
                if (ofPayroll.stream().noneMatch(p -> p.period().equals(coming.period()))) {
                    periods.add(new Period(coming.periodId(), coming.cutOff(), false, 0, 0));
                }
            }
            periods.sort(Comparator.comparing(Period::cutOff));
            payrolls.add(new Payroll(payroll.name(), String.valueOf(payroll.periodType().code()), periods));
        }
        return new Schedule(now, payrolls);
    }

    private static String label(PayrollCalendar payroll, TaxPeriod period) {
        return payroll.periodType().code() + period.yy() + period.pp();
    }

    // entries of a payroll the settings no longer name are the export's to report (it refuses them), not this view's
    private static String key(String payroll) {
        return Objects.requireNonNullElse(payroll, "");
    }
}
