package health.patchwork.esr.sandbox.simulator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.formats.layout.InterfaceLayout;
import health.patchwork.esr.formats.layout.RecordLayout;
import health.patchwork.esr.formats.read.InboundRecord;

/**
 * What ESR does with absences it accepted: they appear in the next change file as ABA rows carrying our reference
 * in field 33 "3rd Party System Reference" (ABD for a withdrawal), which is how the suite closes the loop.
 */
final class AbsenceEchoes {

    private final SyntheticTrust trust;
    private final RecordLayout abs = InterfaceLayout.absenceInbound().byRecordType("ABS").orElseThrow();
    private final Map<String, String> attendanceIdByReference = new HashMap<>();
    private final List<String[]> pending = new ArrayList<>();

    AbsenceEchoes(SyntheticTrust trust) {
        this.trust = trust;
    }

    /** Accepts one ABS row of a valid AB file; returns false when ESR would not know the assignment. */
    synchronized boolean accept(InboundRecord row, LocalDateTime processed) {
        String operation = value(row, "Operation");
        String reference = value(row, "Third Party System Reference");
        var personId = trust.personIdOfAssignment(value(row, "Assignment Number"));
        if (personId.isEmpty()) {
            return false;
        }
        RecordLayout ab = trust.layout("AB");
        if ("DEL".equals(operation)) {
            String id = attendanceIdByReference.remove(reference);
            if (id != null) {
                pending.add(OutboundRow.delete(ab, id));
            }
            return true;
        }
        String id = attendanceIdByReference.computeIfAbsent(reference, r -> trust.newId());
        boolean days = "D".equals(value(row, "Units"));
        pending.add(OutboundRow.add(ab).set("Person ID", personId.get()).set("Absence Attendance ID", id)
                .set("Absence Type", value(row, "Absence Type")).set("Absence Reason", value(row, "Absence Reason"))
                .set("Status", "CONFIRMED").set("Notification Date", date(row, "Notification Date"))
                .set("Actual Start Date", date(row, "Start Date")).set("Actual Start Time", value(row, "Start Time"))
                .set("Actual End Date", date(row, "End Date")).set("Actual End Time", value(row, "End Time"))
                .set("Sickness Start Date", date(row, "Sickness Start Date"))
                .set("Sickness End Date", date(row, "Sickness End Date"))
                .set("Absence Duration Days", days ? value(row, "Duration Days") : "")
                .set("Absence Duration Hours", days ? "" : value(row, "Duration Hours"))
                .set("Absence Units", value(row, "Units"))
                .set("Return To Work Discussion Date", date(row, "Return To Work Discussion Date"))
                .set("Last Update Date", processed).set("3rd Party System Reference", reference).values());
        return true;
    }

    /** The rows for the next change file, each echoed once. */
    synchronized List<String[]> drain() {
        List<String[]> rows = List.copyOf(pending);
        pending.clear();
        return rows;
    }

    private String value(InboundRecord row, String field) {
        String value = row.get(abs.field(field).index());
        return value == null ? "" : value;
    }

    private LocalDate date(InboundRecord row, String field) {
        String value = value(row, field);
        return value.isEmpty() ? null : LocalDate.parse(value, OutboundRow.DATE);
    }
}
