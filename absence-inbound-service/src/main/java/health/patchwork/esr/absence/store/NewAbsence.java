package health.patchwork.esr.absence.store;

import health.patchwork.esr.absence.mapping.AbsenceCategory;
import health.patchwork.esr.absence.mapping.AbsenceDetails;
import health.patchwork.esr.absence.period.PayrollPeriod;

/** A validated absence, ready to store, with the payroll period its start routes it to. */
public record NewAbsence(String absenceId, String reference, AbsenceCategory category, String platformReason,
        AbsenceDetails details, PayrollPeriod period, String requestHash) {
}
