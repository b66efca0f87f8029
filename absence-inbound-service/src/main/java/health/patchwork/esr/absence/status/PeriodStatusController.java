package health.patchwork.esr.absence.status;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import health.patchwork.esr.absence.period.FinalisedPeriods;
import health.patchwork.esr.absence.period.PayrollPeriods;
import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.support.web.FieldError;
import health.patchwork.esr.support.web.ProblemDetailsAdvice;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/periods/{periodId}}: status per payroll period. */
@RestController
@Tag(name = "Periods")
class PeriodStatusController {

    private final PayrollPeriods periods;
    private final FinalisedPeriods finalised;
    private final AbsenceStatusQuery status;
    private final ExportLedger files;

    PeriodStatusController(PayrollPeriods periods, FinalisedPeriods finalised, AbsenceStatusQuery status,
            ExportLedger files) {
        this.periods = periods;
        this.finalised = finalised;
        this.status = status;
        this.files = files;
    }

    @GetMapping("/api/v1/periods/{periodId}")
    @Operation(summary = "A payroll period (e.g. M2708): finalised or not, its AB files, its absences by status")
    PeriodStatusView get(@PathVariable String periodId) {
        int key = periods.parse(periodId).orElseThrow(() -> new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetailsAdvice.invalidRequest(List.of(new FieldError("periodId", periods.expectedForm()))),
                null));
        var finalisation = finalised.find(key);
        List<AbsenceStatusView> absences = status.byPeriod(key);
        return new PeriodStatusView(periods.id(key), finalisation.isPresent(),
                finalisation.map(FinalisedPeriods.Finalisation::at).orElse(null),
                finalisation.map(FinalisedPeriods.Finalisation::by).orElse(null), files(key),
                absences.stream().collect(java.util.stream.Collectors.groupingBy(AbsenceStatusView::status,
                        () -> new java.util.EnumMap<>(AbsenceStatus.class), java.util.stream.Collectors.counting())),
                absences);
    }

    /** The period's AB files in sequence order, of the service's period type (the ledger's answer spans every type). */
    private List<PeriodStatusView.FileView> files(int key) {
        return files.ofPeriod(PayrollPeriods.taxPeriod(key)).stream()
                .filter(file -> file.name().periodType() == periods.type())
                .map(file -> new PeriodStatusView.FileView(file.fileName(), file.state().name(), file.rowCount(),
                        file.uploadedAt()))
                .toList();
    }
}
