package health.patchwork.esr.attendance.export;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;

import health.patchwork.esr.attendance.status.FileView;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.support.export.ExportException;
import health.patchwork.esr.support.mailbox.MailboxException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator requests: export one period now, or run the cut-off now. */
@RestController
@RequestMapping("/api/v1/exports")
class ExportController {

    /** @param taxYear YY, e.g. 27 for 2026/27 @param period PP, e.g. 8 */
    record ExportRequest(@NotNull @Min(0) @Max(99) Integer taxYear, @NotNull @Min(1) @Max(53) Integer period) {
    }

    private final AttendanceExport export;

    ExportController(AttendanceExport export) {
        this.export = export;
    }

    @Operation(summary = "Export one payroll period now",
            description = "Every accepted, unsent line of the period goes into one TA file with the next sequence"
                    + " number: the normal run if the period has none yet, else a supplementary run. 204 when there"
                    + " is nothing to send.")
    @PostMapping
    ResponseEntity<FileView> export(@Valid @RequestBody ExportRequest request) {
        return export.export(new TaxPeriod(request.taxYear(), request.period()))
                .map(file -> ResponseEntity.status(HttpStatus.CREATED).body(FileView.of(file)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** The mailbox could not be reached: anything generated is finished by the next run. */
    @ExceptionHandler(MailboxException.class)
    ResponseEntity<ProblemDetail> mailboxDown(MailboxException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Mailbox unavailable", e.getMessage()
                + ". A file already generated stays in the ledger and is sent by the next export or at start-up.");
    }

    /** The ledger, the local copy and the mailbox disagree: nothing more is sent until an operator looks. */
    @ExceptionHandler(ExportException.class)
    ResponseEntity<ProblemDetail> exportStopped(ExportException e) {
        return problem(HttpStatus.CONFLICT, "Export stopped", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:esr-suite:problem:" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')));
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Operation(summary = "Run the cut-off now", description = "Exports every period whose cut-off has passed and"
            + " that has unsent lines, as the schedule does.")
    @PostMapping("/cut-off")
    List<FileView> cutOff() {
        return export.cutOff().stream().map(FileView::of).toList();
    }
}
