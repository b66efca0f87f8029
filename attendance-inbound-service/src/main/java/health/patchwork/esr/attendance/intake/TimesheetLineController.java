package health.patchwork.esr.attendance.intake;

import java.net.URI;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/timesheet-lines}: the platform's approved lines, up to 1,000 per call. */
@RestController
@RequestMapping("/api/v1/timesheet-lines")
class TimesheetLineController {

    static final URI LINES_REJECTED = URI.create("urn:esr-suite:problem:lines-rejected");

    private final IntakeService intake;

    TimesheetLineController(IntakeService intake) {
        this.intake = intake;
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
    ResponseEntity<Object> post(@Valid @RequestBody TimesheetBatchRequest batch) {
        BatchResult result = intake.post(batch.lines());
        if (result.rejected() == 0) {
            return ResponseEntity.ok(result);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                result.rejected() + " of " + result.lines().size() + " lines were rejected; the other "
                        + result.accepted() + " were stored");
        problem.setType(LINES_REJECTED);
        problem.setTitle("Some lines were rejected");
        problem.setProperty("accepted", result.accepted());
        problem.setProperty("rejected", result.rejected());
        problem.setProperty("lines", result.lines());
        problem.setProperty("errors", result.lines().stream().flatMap(l -> l.errors().stream()).toList());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
