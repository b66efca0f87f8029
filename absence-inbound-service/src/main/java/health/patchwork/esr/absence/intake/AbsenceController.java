package health.patchwork.esr.absence.intake;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import health.patchwork.esr.absence.status.AbsenceStatusQuery;
import health.patchwork.esr.absence.status.AbsenceStatusView;
import health.patchwork.esr.support.web.BatchAnswer;
import health.patchwork.esr.support.web.FieldError;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The platform's absences: intake, updates and status. */
@RestController
@RequestMapping("/api/v1/absences")
@Tag(name = "Absences")
class AbsenceController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final BatchAnswer BATCH = new BatchAnswer(URI.create("urn:esr-suite:problem:absences-rejected"),
            "absences", "results");
    private static final String INVALID = "Invalid change: problem detail naming each field";
    private static final String CHANGE_RACING_EXPORT = "A change that arrives while an AB file is being made waits"
            + " for it. If the absence went into that file, the answer names it as lastFile with changesPending"
            + " true, and the next file carries the change.";

    private final AbsenceIntake intake;
    private final AbsenceStatusQuery status;

    AbsenceController(AbsenceIntake intake, AbsenceStatusQuery status) {
        this.intake = intake;
        this.status = status;
    }

    @PostMapping
    @Operation(summary = "Submit absences; each is validated on its own, and a retry of the same content is a no-op",
            description = "The platform's absenceId (1 to 64 letters, digits or . _ : -, a UUID say) is the"
                    + " idempotency key; the service derives the ESR reference (esrReference, ABS field 18) from it:"
                    + " the prefixed id when that fits ESR's 30 upper-case letters, digits and hyphens, else the"
                    + " prefix and a hash of the id. Both are answered and both can be searched.")
    @ApiResponse(responseCode = "200", description = "Every absence accepted",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @ApiResponse(responseCode = "422", description = "Some absences rejected (the rest were stored): problem detail"
            + " with the per-absence results in 'results' and every field error in 'errors'",
            content = @Content(mediaType = PROBLEM))
    ResponseEntity<Object> submit(@RequestBody AbsenceBatch batch) {
        BatchResult result = intake.submit(batch);
        return BATCH.of(result, result.accepted(), result.rejected(), result.results(),
                result.results().stream().flatMap(item -> item.errors().stream()).toList());
    }

    @GetMapping(params = "esrReference")
    @Operation(summary = "Status of the absence ESR knows by this third-party reference (ABS field 18)")
    @ApiResponse(responseCode = "400", description = "Not an ESR reference: problem detail naming esrReference",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No absence with this reference",
            content = @Content(mediaType = PROBLEM))
    AbsenceStatusView byEsrReference(@RequestParam String esrReference) {
        if (!EsrReference.isReference(esrReference)) {
            throw AbsenceProblems.invalid(List.of(new FieldError("esrReference",
                    "must be 1 to 30 upper-case letters, digits or hyphens")));
        }
        return status.byReference(esrReference).orElseThrow(AbsenceProblems::notFound);
    }

    @GetMapping("/{absenceId}")
    @Operation(summary = "Status of one absence: pending, exported in file X, confirmed by ESR, needs attention")
    AbsenceStatusView get(@PathVariable String absenceId) {
        return status.byId(absenceId).orElseThrow(AbsenceProblems::notFound);
    }

    @PutMapping("/{absenceId}/dates")
    @Operation(summary = "Replace dates, times, units and open-ended flag; after export the next file amends ESR",
            description = CHANGE_RACING_EXPORT)
    @ApiResponse(responseCode = "200", description = "Changed; the status (changesPending once it was sent)")
    @ApiResponse(responseCode = "400", description = INVALID, content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No absence with this id", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "The absence is cancelled, or another change of it came in at the"
            + " same time; nothing was changed", content = @Content(mediaType = PROBLEM))
    AbsenceStatusView changeDates(@PathVariable String absenceId, @RequestBody DatesChange change) {
        intake.changeDates(absenceId, change);
        return get(absenceId);
    }

    @PostMapping("/{absenceId}/end")
    @Operation(summary = "End an open-ended sickness; after export the next file carries END",
            description = CHANGE_RACING_EXPORT)
    @ApiResponse(responseCode = "200", description = "Ended; the status (changesPending once it was sent)")
    @ApiResponse(responseCode = "400", description = INVALID, content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No absence with this id", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "The absence is cancelled or not open-ended, or another change of"
            + " it came in at the same time; nothing was changed", content = @Content(mediaType = PROBLEM))
    AbsenceStatusView end(@PathVariable String absenceId, @RequestBody EndOfAbsence end) {
        intake.end(absenceId, end);
        return get(absenceId);
    }

    @PostMapping("/{absenceId}/cancel")
    @Operation(summary = "Cancel an absence; after export the next file carries DEL",
            description = CHANGE_RACING_EXPORT)
    @ApiResponse(responseCode = "200", description = "Cancelled (also when it was before); the status: CANCELLED"
            + " when never sent, changesPending while the DEL is still to be sent")
    @ApiResponse(responseCode = "404", description = "No absence with this id", content = @Content(mediaType = PROBLEM))
    AbsenceStatusView cancel(@PathVariable String absenceId) {
        intake.cancel(absenceId);
        return get(absenceId);
    }
}
