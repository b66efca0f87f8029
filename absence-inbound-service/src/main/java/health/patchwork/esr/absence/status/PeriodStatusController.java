package health.patchwork.esr.absence.status;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import health.patchwork.esr.absence.period.FinalisedPeriods;
import health.patchwork.esr.absence.period.PayrollPeriod;
import health.patchwork.esr.absence.period.PayrollPeriods;
import health.patchwork.esr.support.export.ExportLedger;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/periods/{periodId}?payroll=…}: status per payroll period; {@code payroll} is required where
 * {@code esr.payrolls} configures several.
 */
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
    PeriodStatusView get(@PathVariable String periodId, @RequestParam(required = false) String payroll) {
        PayrollPeriod key = periods.requested(payroll, periodId);
        var finalisation = finalised.find(key);
        List<AbsenceStatusView> absences = status.byPeriod(key);
        return new PeriodStatusView(key.id(), key.payroll(), finalisation.isPresent(),
                finalisation.map(FinalisedPeriods.Finalisation::at).orElse(null),
                finalisation.map(FinalisedPeriods.Finalisation::by).orElse(null), files(key),
                absences.stream().collect(java.util.stream.Collectors.groupingBy(AbsenceStatusView::status,
                        () -> new java.util.EnumMap<>(AbsenceStatus.class), java.util.stream.Collectors.counting())),
                absences);
    }

    /** The payroll period's AB files in sequence order, of its type (a payroll's files may span types over time). */
    private List<PeriodStatusView.FileView> files(PayrollPeriod key) {
        return files.ofPeriod(key.payroll(), key.taxPeriod()).stream()
                .filter(file -> file.name().periodType() == key.type())
                .map(file -> new PeriodStatusView.FileView(file.fileName(), file.state().name(), file.rowCount(),
                        file.uploadedAt()))
                .toList();
    }
}
