package health.patchwork.esr.absence.intake;

import health.patchwork.esr.absence.mapping.AbsenceCategory;
import health.patchwork.esr.absence.mapping.AbsenceDetails;

/** An absence as stored, with what has been sent of it. */
record StoredAbsence(String absenceId, String reference, AbsenceCategory category, String platformReason,
        AbsenceDetails details, boolean cancelled, String requestHash, int revision, Integer sentRevision) {

    /** The values the platform would send to reproduce this absence, for re-validating a change. */
    AbsenceRequest asRequest() {
        return new AbsenceRequest(absenceId, details.assignmentNumber(), category.name(), platformReason,
                details.startDate(), details.startTime(), details.endDate(), details.endTime(), details.duration(),
                details.openEnded(), details.returnToWorkDate(), details.notificationDate());
    }
}
