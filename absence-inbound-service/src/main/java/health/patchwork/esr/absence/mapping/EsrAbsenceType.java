package health.patchwork.esr.absence.mapping;

/** What a platform category and reason become in ESR (ABS fields 5, 6 and 13). */
public record EsrAbsenceType(String absenceType, String absenceReason, String units, boolean sickness) {

    public boolean inDays() {
        return "D".equals(units);
    }
}
