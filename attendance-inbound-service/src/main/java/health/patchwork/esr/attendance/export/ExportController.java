package health.patchwork.esr.attendance.export;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;

import health.patchwork.esr.attendance.period.PayDates;
import health.patchwork.esr.attendance.status.FileView;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.support.audit.AuditChannel;

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

    private final ExportOperations operations;
    private final PayDates payDates;

    ExportController(ExportOperations operations, PayDates payDates) {
        this.operations = operations;
        this.payDates = payDates;
    }

    @Operation(summary = "Export one payroll period now",
            description = "Every accepted, unsent line of the payroll period goes into one TA file with the next sequence"
                    + " number: the normal run if the period has none yet, else a supplementary run. 204 when there"
                    + " is nothing to send; 503 when the mailbox is unreachable, 409 when the export is stopped.")
    @PostMapping
    ResponseEntity<FileView> export(@Valid @RequestBody ExportRequest request) {
        return operations.exportPeriod(payDates.requested(request.payroll()),
                        new TaxPeriod(request.taxYear(), request.period()), AuditChannel.REST)
                .map(file -> ResponseEntity.status(HttpStatus.CREATED).body(FileView.of(file)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @Operation(summary = "Run the cut-off now", description = "Exports every period whose cut-off has passed and"
            + " that has unsent lines, as the schedule does.")
    @PostMapping("/cut-off")
    List<FileView> cutOff() {
        return operations.cutOff(AuditChannel.REST).stream().map(FileView::of).toList();
    }
}
