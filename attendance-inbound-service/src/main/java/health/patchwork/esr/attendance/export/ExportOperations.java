package health.patchwork.esr.attendance.export;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.support.payroll.PayrollCalendar;
import health.patchwork.esr.support.audit.AuditChannel;
import health.patchwork.esr.support.audit.AuditResult;
import health.patchwork.esr.support.audit.AuditedOperations;
import health.patchwork.esr.support.export.ExportException;
import health.patchwork.esr.support.export.ExportProblems;
import health.patchwork.esr.support.export.ExportedFile;
import health.patchwork.esr.support.logging.Redaction;
import health.patchwork.esr.support.mailbox.MailboxException;

import org.springframework.stereotype.Component;

/**
 * An operator's "export now", audited, for the REST API and the actuator endpoint alike. An export is not one
 * transaction (generate, upload, mark sent), so the audit row is written ahead and completed with the outcome.
 */
@Component
public class ExportOperations {

    private final AttendanceExport export;
    private final AuditedOperations audited;

    ExportOperations(AttendanceExport export, AuditedOperations audited) {
        this.export = export;
        this.audited = audited;
    }

    /** Every accepted, unsent line of the payroll's period in one file now; empty when nothing is pending. */
    public Optional<ExportedFile> exportPeriod(PayrollCalendar payroll, TaxPeriod period, AuditChannel channel) {
        return audited.run("EXPORT_PERIOD", (payroll.name() == null ? "" : "payroll " + payroll.name() + " ")
                        + "period " + period.yy() + period.pp(), channel,
                () -> asProblem(() -> export.export(payroll, period)),
                file -> AuditResult.done(file.map(ExportOperations::sent).orElse("nothing to send")));
    }

    /** Every period whose cut-off has passed, as the schedule would. */
    public List<ExportedFile> cutOff(AuditChannel channel) {
        return audited.run("CUT_OFF", "periods past their cut-off", channel, () -> asProblem(export::cutOff),
                files -> AuditResult.done(files.isEmpty() ? "nothing to send"
                        : String.join("; ", files.stream().map(ExportOperations::sent).toList())));
    }

    private static String sent(ExportedFile file) {
        return "sent " + file.fileName() + " (" + file.rowCount() + " rows)";
    }

    /** The two ways an export stops, as the problems both channels answer with. */
    private static <T> T asProblem(Supplier<T> run) {
        try {
            return run.get();
        } catch (MailboxException e) {
            throw ExportProblems.mailboxUnavailable(e, Redaction.message(e) + ". A file already generated stays in"
                    + " the ledger and is sent by the next export or at start-up.");
        } catch (ExportException e) {
            // the ledger, the local copy and the mailbox disagree: nothing more is sent until an operator looks
            throw ExportProblems.halted(e, Redaction.message(e));
        }
    }

}
