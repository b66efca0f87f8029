package health.patchwork.esr.absence.store;

import health.patchwork.esr.absence.mapping.AbsenceCategory;
import health.patchwork.esr.absence.mapping.AbsenceDetails;

/** An absence as stored, with what has been sent of it. */
public record StoredAbsence(String absenceId, String reference, AbsenceCategory category, String platformReason,
        AbsenceDetails details, boolean cancelled, String requestHash, int revision, Integer sentRevision) {
}
