package health.patchwork.esr.absence.intake;

import health.patchwork.esr.absence.mapping.AbsenceCategory;
import health.patchwork.esr.absence.mapping.AbsenceDetails;

/** A validated absence, ready to store. */
record NewAbsence(String absenceId, String reference, AbsenceCategory category, String platformReason,
        AbsenceDetails details, int periodKey, String requestHash) {
}
