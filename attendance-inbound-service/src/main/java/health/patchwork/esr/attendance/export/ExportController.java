package health.patchwork.esr.attendance.export;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;

import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.period.PayDates;
import health.patchwork.esr.attendance.status.FileView;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.support.audit.AuditChannel;
import health.patchwork.esr.support.export.ExportedFile;
import health.patchwork.esr.support.payroll.PayrollCalendar;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator requests: export one period now, or run the cut-off now. */
@RestController
@RequestMapping("/api/v1/exports")
class ExportController {

    /**
     * @param taxYear YY, e.g. 27 for 2026/27
     * @param period  PP, e.g. 8
     * @param payroll ESR's name of the payroll, required when esr.payrolls configures payrolls, left out otherwise
     */
    record ExportRequest(@NotNull @Min(0) @Max(99) Integer taxYear, @NotNull @Min(1) @Max(53) Integer period,
                         String payroll) {
    }

    /** The answer when no file went but lines of the period are held by a check. */
    record NothingSent(int heldLines, String detail) {
    }

    private final ExportOperations operations;
    private final PayDates payDates;
    private final ExportEntries entries;

    ExportController(ExportOperations operations, PayDates payDates, ExportEntries entries) {
        this.operations = operations;
        this.payDates = payDates;
        this.entries = entries;
    }

    @Operation(summary = "Export one payroll period now",
            description = "Every accepted, unsent line of the payroll period that passes the checks before a file goes"
                    + " goes into one TA file with the next sequence number: the normal run if the period has none"
                    + " yet, else a supplementary run. 201 with the file, its warnings and how many lines the checks"
                    + " hold; 200 when no file went because every waiting line is held; 204 when there is nothing"
                    + " to send; 503 when the mailbox is unreachable, 409 when the export is stopped.")
    @PostMapping
    ResponseEntity<?> export(@Valid @RequestBody ExportRequest request) {
        PayrollCalendar payroll = payDates.requested(request.payroll());
        TaxPeriod period = new TaxPeriod(request.taxYear(), request.period());
        Optional<ExportedFile> sent = operations.exportPeriod(payroll, period, AuditChannel.REST);
        int held = entries.countHeldOf(payroll.name(), period);
        if (sent.isPresent()) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(FileView.of(sent.get(), entries).withHeldLines(held));
        }
        return held == 0 ? ResponseEntity.noContent().build()
                : ResponseEntity.ok(new NothingSent(held, held + " line(s) of the period are held by the checks"
                        + " before a file goes; their status and the period summary say why"));
    }

    @Operation(summary = "Run the cut-off now", description = "Exports every period whose cut-off has passed and"
            + " that has unsent lines, as the schedule does.")
    @PostMapping("/cut-off")
    List<FileView> cutOff() {
        return operations.cutOff(AuditChannel.REST).stream().map(file -> FileView.of(file, entries)).toList();
    }
}
