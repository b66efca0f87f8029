package health.patchwork.esr.attendance.status;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;

import health.patchwork.esr.attendance.period.PayDates;
import health.patchwork.esr.formats.calendar.TaxPeriod;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where a line is, what a file holds, what a period adds up to, and when each payroll is cut off next. */
@RestController
@RequestMapping("/api/v1")
class StatusController {

    private final StatusQueries queries;
    private final PaySchedule schedule;
    private final PayDates payDates;

    StatusController(StatusQueries queries, PaySchedule schedule, PayDates payDates) {
        this.queries = queries;
        this.schedule = schedule;
        this.payDates = payDates;
    }

    @Operation(summary = "Status of a line", description = "PENDING, EXPORTED (in file X), CORRECTION_PENDING,"
            + " REVERSED or WITHDRAWN, with every ATT row the line has produced.")
    @GetMapping("/timesheet-lines/{lineId}")
    ResponseEntity<Object> line(@PathVariable String lineId) {
        return queries.line(lineId).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound("No line with this id"));
    }

    @Operation(summary = "Status of many lines", description = "Up to 1,000 line ids (repeat the parameter);"
            + " unknown ids are left out of the answer.")
    @GetMapping("/timesheet-lines")
    Object lines(@RequestParam("lineId") @Size(min = 1, max = 1000) List<String> lineIds) {
        return queries.lines(lineIds);
    }

    @Operation(summary = "A TA file by name", description = "State (GENERATED, RENAMING or UPLOADED), rows, size, SHA-256.")
    @GetMapping("/files/{fileName}")
    ResponseEntity<Object> file(@PathVariable String fileName) {
        return queries.fileByName(fileName).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound("No file with this name"));
    }

    @Operation(summary = "Per-period summary", description = "Totals per ESR element and cost centre (reversals"
            + " count negative), and the period's files, for payroll officers to reconcile. With several payrolls"
            + " configured, the payroll parameter names which one's period.")
    @GetMapping("/periods/{taxYear}/{period}/summary")
    Object summary(@PathVariable @Min(0) @Max(99) int taxYear, @PathVariable @Min(1) @Max(53) int period,
                   @RequestParam(name = "payroll", required = false) String payroll) {
        return queries.summary(payDates.requested(payroll).name(), new TaxPeriod(taxYear, period));
    }

    @Operation(summary = "Coming cut-offs", description = "For each payroll: its next cut-offs and every period"
            + " with lines waiting for a file, with how many lines wait; a period past its cut-off goes at the next"
            + " export.")
    @GetMapping("/pay-schedule")
    PaySchedule.Schedule paySchedule() {
        return schedule.now();
    }

    private static ResponseEntity<Object> notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(URI.create("urn:esr-suite:problem:not-found"));
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
