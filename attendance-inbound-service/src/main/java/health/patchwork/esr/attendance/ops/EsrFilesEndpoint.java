package health.patchwork.esr.attendance.ops;

import java.util.List;

import org.jspecify.annotations.Nullable;

import health.patchwork.esr.attendance.export.ExportOperations;
import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.period.PayDates;
import health.patchwork.esr.attendance.status.FileView;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.support.audit.AuditChannel;
import health.patchwork.esr.support.audit.OperationRefusedException;
import health.patchwork.esr.support.export.ExportFileSummary;
import health.patchwork.esr.support.payroll.PayrollCalendar;
import health.patchwork.esr.support.web.InvalidFieldException;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/esrfiles}: the TA files sent to ESR, and "export now". Operator-only like the rest of actuator;
 * refusals and failures come back as the same problem details as over REST.
 */
@Component
@Endpoint(id = "esrfiles")
public class EsrFilesEndpoint {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final TaFileOverview overview;
    private final ExportOperations operations;

    private final PayDates payDates;
    private final ExportEntries entries;

    EsrFilesEndpoint(TaFileOverview overview, ExportOperations operations, PayDates payDates, ExportEntries entries) {
        this.overview = overview;
        this.operations = operations;
        this.payDates = payDates;
        this.entries = entries;
    }

    /** {@code GET /actuator/esrfiles?limit=50}: newest first. */
    @ReadOperation
    public List<ExportFileSummary> files(@Nullable Integer limit) {
        int rows = limit == null ? DEFAULT_LIMIT : limit;
        if (rows < 1 || rows > MAX_LIMIT) {
            throw new InvalidEndpointRequestException("limit out of range", "limit must be between 1 and " + MAX_LIMIT);
        }
        return overview.recent(rows);
    }

    /** {@code GET /actuator/esrfiles/{id}}. */
    @ReadOperation
    public TaFileOverview.TaFileReport file(@Selector long id) {
        return overview.report(id).orElseThrow(() -> OperationRefusedException.notFound("File " + id));
    }

    /**
     * {@code POST /actuator/esrfiles/export} with {@code {"taxYear":27,"period":8}} (and {@code "payroll"} where
     * esr.payrolls configures payrolls): that payroll period now (no content when
     * nothing is pending); {@code POST /actuator/esrfiles/cut-off}: every period past its cut-off.
     */
    @WriteOperation
    public @Nullable Object run(@Selector String operation, @Nullable Integer taxYear, @Nullable Integer period,
                                @Nullable String payroll) {
        return switch (operation) {
            case "export" -> operations.exportPeriod(payroll(payroll), period(taxYear, period), AuditChannel.ACTUATOR)
                    .map(file -> FileView.of(file, entries)).orElse(null);
            case "cut-off" -> operations.cutOff(AuditChannel.ACTUATOR).stream().map(file -> FileView.of(file, entries))
                    .toList();
            default -> throw OperationRefusedException.notFound("Operation " + operation);
        };
    }

    private PayrollCalendar payroll(@Nullable String payroll) {
        try {
            return payDates.requested(payroll);
        } catch (InvalidFieldException e) {
            throw new InvalidEndpointRequestException("invalid payroll", e.getMessage());
        }
    }

    private static TaxPeriod period(@Nullable Integer taxYear, @Nullable Integer period) {
        if (taxYear == null || taxYear < 0 || taxYear > 99 || period == null || period < 1 || period > 53) {
            throw new InvalidEndpointRequestException("invalid period",
                    "taxYear (0-99) and period (1-53) are required, e.g. {\"taxYear\":27,\"period\":8}");
        }
        return new TaxPeriod(taxYear, period);
    }
}
