package health.patchwork.esr.attendance.intake;

import java.net.URI;
import java.util.Optional;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import health.patchwork.esr.support.web.BatchAnswer;

/** {@code POST /api/v1/timesheet-lines}: the platform's approved lines, up to 1,000 per call. */
@RestController
@RequestMapping("/api/v1/timesheet-lines")
class TimesheetLineController {

    static final URI LINES_REJECTED = URI.create("urn:esr-suite:problem:lines-rejected");
    private static final BatchAnswer BATCH = new BatchAnswer(LINES_REJECTED, "lines", "lines");
    static final URI LINE_CONFLICT = URI.create("urn:esr-suite:problem:line-conflict");

    private final IntakeService intake;
    private final CorrectionService corrections;

    TimesheetLineController(IntakeService intake, CorrectionService corrections) {
        this.intake = intake;
        this.corrections = corrections;
    }

    @Operation(summary = "Correct a line",
            description = "Before export this amends the line (AMENDED). After export the sent file is never edited:"
                    + " the next file carries a reversal of what was sent (numeric values negated) and a claim with"
                    + " the new values (CORRECTED, with exportedIn naming the file whose claim is reversed). A"
                    + " correction that arrives while an export is writing the line's claim waits for that export and"
                    + " is then one or the other. The body is a line; lineId may be left out.")
    @ApiResponse(responseCode = "200", description = "AMENDED, CORRECTED (exportedIn: the file whose claim is"
            + " reversed) or UNCHANGED", content = @Content(schema = @Schema(implementation = LineResult.class)))
    @ApiResponse(responseCode = "404", description = "No line with this id",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "409", description = "The line could not be changed consistently now (its claim"
            + " was being exported and the change could not be applied after retries): problem detail naming lineId"
            + " and, in exportedIn, the file that carried the claim; nothing was changed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "422", description = "Invalid correction, or the line was withdrawn: problem detail"
            + " naming each field", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(path = "/{lineId}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> correct(@PathVariable String lineId, @RequestBody TimesheetLineRequest body) {
        return respond(lineId, corrections.correct(lineId, body));
    }

    @Operation(summary = "Withdraw a line",
            description = "Drops the unsent claim; if the line was sent, the next file carries its reversal and"
                    + " exportedIn names the file that carried the claim. A withdrawal that arrives while an export"
                    + " is writing the line's claim waits for that export; if the claim went into the file, its"
                    + " reversal is queued and named the same way.")
    @ApiResponse(responseCode = "200", description = "WITHDRAWN (exportedIn: the file whose claim is reversed) or"
            + " UNCHANGED (withdrawn before)", content = @Content(schema = @Schema(implementation = LineResult.class)))
    @ApiResponse(responseCode = "404", description = "No line with this id",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "409", description = "The line could not be withdrawn consistently now: problem"
            + " detail naming lineId and, in exportedIn, the file that carried the claim; nothing was changed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @DeleteMapping("/{lineId}")
    ResponseEntity<Object> withdraw(@PathVariable String lineId) {
        return respond(lineId, corrections.withdraw(lineId));
    }

    private static ResponseEntity<Object> respond(String lineId, Optional<CorrectionService.Outcome> outcome) {
        if (outcome.isEmpty()) {
            return notFound(lineId);
        }
        CorrectionService.Outcome o = outcome.get();
        if (o.outcome() != LineOutcome.REJECTED) {
            return ResponseEntity.ok(LineResult.ok(0, lineId, o.outcome(), o.exportedIn()).paid(o.payDate()));
        }
        if (o.conflict()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    o.errors().get(0).field() + ": " + o.errors().get(0).reason());
            problem.setType(LINE_CONFLICT);
            problem.setTitle("The line could not be changed now");
            problem.setProperty("errors", o.errors());
            if (o.exportedIn() != null) {
                problem.setProperty("exportedIn", o.exportedIn());
            }
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                o.errors().size() == 1 ? o.errors().get(0).field() + ": " + o.errors().get(0).reason()
                        : o.errors().size() + " fields are invalid");
        problem.setType(LINES_REJECTED);
        problem.setTitle("The correction was rejected");
        problem.setProperty("errors", o.errors());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ResponseEntity<Object> notFound(String lineId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No line with this id");
        problem.setType(URI.create("urn:esr-suite:problem:not-found"));
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Operation(summary = "Post approved timesheet lines",
            description = "Each line is accepted or rejected on its own; accepted lines are stored even when others"
                    + " fail. Re-posting a line id with the same content is a no-op; with new content it amends the"
                    + " line until it is exported, and is refused after (send a correction instead).")
    @ApiResponse(responseCode = "200", description = "Every line accepted",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @ApiResponse(responseCode = "422", description = "Some lines rejected (the rest were stored): problem detail"
            + " with the per-line results in 'lines' and every field error in 'errors'",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> postBatch(@Valid @RequestBody TimesheetBatchRequest batch) {
        BatchResult result = intake.post(batch.lines());
        return BATCH.of(result, result.accepted(), result.rejected(), result.lines(),
                result.lines().stream().flatMap(l -> l.errors().stream()).toList());
    }
}
