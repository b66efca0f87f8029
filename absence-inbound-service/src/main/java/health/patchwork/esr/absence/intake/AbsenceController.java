package health.patchwork.esr.absence.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import health.patchwork.esr.absence.status.AbsenceStatusQuery;
import health.patchwork.esr.absence.status.AbsenceStatusView;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform's absences: intake, updates and status. */
@RestController
@RequestMapping("/api/v1/absences")
@Tag(name = "Absences")
class AbsenceController {

    private final AbsenceIntake intake;
    private final AbsenceStatusQuery status;

    AbsenceController(AbsenceIntake intake, AbsenceStatusQuery status) {
        this.intake = intake;
        this.status = status;
    }

    @PostMapping
    @Operation(summary = "Submit absences; each is validated on its own, and a retry of the same content is a no-op")
    BatchResult submit(@RequestBody AbsenceBatch batch) {
        return intake.submit(batch);
    }

    @GetMapping("/{absenceId}")
    @Operation(summary = "Status of one absence: pending, exported in file X, confirmed by ESR, needs attention")
    AbsenceStatusView get(@PathVariable String absenceId) {
        return status.byId(absenceId).orElseThrow(AbsenceProblems::notFound);
    }

    @PutMapping("/{absenceId}/dates")
    @Operation(summary = "Replace dates, times, units and open-ended flag; after export the next file amends ESR")
    AbsenceStatusView changeDates(@PathVariable String absenceId, @RequestBody DatesChange change) {
        intake.changeDates(absenceId, change);
        return get(absenceId);
    }

    @PostMapping("/{absenceId}/end")
    @Operation(summary = "End an open-ended sickness; after export the next file carries END")
    AbsenceStatusView end(@PathVariable String absenceId, @RequestBody EndOfAbsence end) {
        intake.end(absenceId, end);
        return get(absenceId);
    }

    @PostMapping("/{absenceId}/cancel")
    @Operation(summary = "Cancel an absence; after export the next file carries DEL")
    AbsenceStatusView cancel(@PathVariable String absenceId) {
        intake.cancel(absenceId);
        return get(absenceId);
    }
}
