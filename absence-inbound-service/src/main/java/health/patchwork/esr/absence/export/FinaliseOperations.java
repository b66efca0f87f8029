package health.patchwork.esr.absence.export;

import java.net.URI;
import java.util.Optional;

import health.patchwork.esr.absence.period.PayrollPeriod;
import health.patchwork.esr.support.audit.AuditChannel;
import health.patchwork.esr.support.audit.AuditResult;
import health.patchwork.esr.support.audit.AuditedOperations;
import health.patchwork.esr.support.audit.OperationRefusedException;
import health.patchwork.esr.support.export.ExportException;
import health.patchwork.esr.support.export.ExportProblems;
import health.patchwork.esr.support.export.ExportedFile;
import health.patchwork.esr.support.logging.Redaction;
import health.patchwork.esr.support.mailbox.MailboxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finalising a period, audited, for the REST API and the actuator endpoint alike. It is not one transaction (record
 * the period final, generate, upload, mark sent), so the audit row is written ahead and completed with the outcome.
 */
@Component
public class FinaliseOperations {

    private static final Logger log = LoggerFactory.getLogger(FinaliseOperations.class);
    static final URI NOT_STARTED = URI.create("urn:esr-suite:problem:period-not-started");

    private final AbsenceExport export;
    private final AuditedOperations audited;
    private final FinalisingActor actor;

    FinaliseOperations(AbsenceExport export, AuditedOperations audited, FinalisingActor actor) {
        this.export = export;
        this.audited = audited;
        this.actor = actor;
    }

    /**
     * Finalises the period in the name of the caller's token ({@link FinalisingActor}), recorded with the period and
     * in the audit row's detail.
     *
     * @param period a period {@link health.patchwork.esr.absence.period.PayrollPeriods#requested} accepted
     */
    public FinaliseResult finalise(PayrollPeriod period, AuditChannel channel) {
        String[] by = new String[1];
        return audited.run("FINALISE_PERIOD", "period " + period.describe(), channel, () -> {
            by[0] = actor.current();
            if (!export.hasStarted(period)) {
                OperationRefusedException refused = new OperationRefusedException(HttpStatus.CONFLICT,
                        "Period not started", "The period has not started yet, so its rosters cannot be final.");
                refused.getBody().setType(NOT_STARTED);
                throw refused;
            }
            Optional<ExportedFile> file = send(period, by[0]);
            return new FinaliseResult(period.id(), period.payroll(), file.map(ExportedFile::fileName).orElse(null),
                    file.map(ExportedFile::rowCount).orElse(0));
        }, result -> AuditResult.done("finalised by " + by[0] + (result.file() == null ? "; nothing to send"
                : "; sent " + result.file() + " (" + result.rows() + " rows)")));
    }

    private Optional<ExportedFile> send(PayrollPeriod period, String by) {
        try {
            return export.finalise(period, by);
        } catch (MailboxException e) {
            // the period is final and the file, if any, is recorded; recovery or the next export delivers it
            log.error("AB file delivery did not complete: {}", Redaction.describe(e));
            throw ExportProblems.mailboxUnavailable(e, "The period is finalised, but the mailbox could not be"
                    + " reached. The AB file is kept and delivered exactly once by the next export or start-up"
                    + " recovery.");
        } catch (ExportException e) {
            log.error("AB export halted for an operator: {}", Redaction.describe(e));
            throw ExportProblems.halted(e, "The period is finalised, but AB exports are halted until an operator"
                    + " resolves a disagreement between the file ledger and the mailbox; see the service log.");
        }
    }

}
