package health.patchwork.esr.absence.status;

import java.sql.Timestamp;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import health.patchwork.esr.absence.period.FinalisedPeriods;
import health.patchwork.esr.absence.period.PayrollPeriods;
import health.patchwork.esr.support.web.FieldError;
import health.patchwork.esr.support.web.ProblemDetailsAdvice;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;

    PeriodStatusController(PayrollPeriods periods, FinalisedPeriods finalised, AbsenceStatusQuery status,
            JdbcClient jdbc) {
        this.periods = periods;
        this.finalised = finalised;
        this.status = status;
        this.jdbc = jdbc;
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

    private List<PeriodStatusView.FileView> files(int key) {
        return jdbc.sql("""
                select file_name, state, row_count, uploaded_at from export_file
                where period_type = ? and tax_year = ? and tax_period = ? order by sequence_number""")
                .params(String.valueOf(periods.type().code()), key / 100, key % 100)
                .query((rs, n) -> {
                    Timestamp uploaded = rs.getTimestamp(4);
                    return new PeriodStatusView.FileView(rs.getString(1), rs.getString(2), rs.getInt(3),
                            uploaded == null ? null : uploaded.toInstant());
                }).list();
    }
}
