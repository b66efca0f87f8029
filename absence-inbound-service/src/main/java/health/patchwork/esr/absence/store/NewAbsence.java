package health.patchwork.esr.absence.store;

import health.patchwork.esr.absence.mapping.AbsenceCategory;
import health.patchwork.esr.absence.mapping.AbsenceDetails;

/** A validated absence, ready to store. */
public record NewAbsence(String absenceId, String reference, AbsenceCategory category, String platformReason,
        AbsenceDetails details, int periodKey, String requestHash) {
}
