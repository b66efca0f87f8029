package health.patchwork.esr.formats.write;

import health.patchwork.esr.formats.name.InboundFileName;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** The rows of the spec's TA and AB samples, as the services would hand them to the writers. */
final class SampleInboundRows {

    static final LocalDate EFFECTIVE = LocalDate.of(2026, 11, 3);
    static final InboundFileName TA_NAME = InboundFileName.parseOrThrow("TA_123_PWH_MN2708_00000007.DAT");
    static final InboundFileName AB_NAME = InboundFileName.parseOrThrow("AB_123_PWH_MN2708_00000003.DAT");
    static final LocalDateTime TA_CREATED = LocalDateTime.of(2026, 11, 3, 9, 30, 0);
    static final LocalDateTime AB_CREATED = LocalDateTime.of(2026, 11, 3, 9, 35, 0);

    private SampleInboundRows() {
    }

    static AttendanceRow att(String assignment, LocalDate earned, String element, String hours, Costing costing) {
        return new AttendanceRow(EFFECTIVE, null, assignment, earned, element,
                List.of(InputValue.amount("Hours", new BigDecimal(hours)), InputValue.date("Date Worked", earned)),
                costing);
    }

    static List<AttendanceRow> attendance() {
        return List.of(
                att("20000001", LocalDate.of(2026, 10, 24), "Unsocial Hours Saturday", "7.5", null),
                att("20000001-2", LocalDate.of(2026, 10, 25), "Bank Hours Worked", "11.5",
                        Costing.costCentre("123A7200")),
                att("20000003", LocalDate.of(2026, 10, 27), "Overtime Plain Time", "4", null),
                att("20000003", LocalDate.of(2026, 10, 13), "Overtime Plain Time", "-4", null),
                att("20000003", LocalDate.of(2026, 10, 13), "Overtime Plain Time", "3", null));
    }

    static List<AbsenceRow> absences() {
        return List.of(
                new AbsenceRow(EFFECTIVE, AbsenceOperation.ADD, null, "20000001", "Annual Leave Hours 1", null,
                        LocalDate.of(2026, 11, 16), LocalTime.of(8, 0), LocalDate.of(2026, 11, 16), LocalTime.of(15, 30),
                        null, new BigDecimal("7.5"), "H", null, null, false, null, "PWH-A000131",
                        LocalDate.of(2026, 10, 20)),
                AbsenceRow.builder(EFFECTIVE, AbsenceOperation.ADD, "20000003", "PWH-A000132")
                        .type("Sickness", "S12 Other musculoskeletal problems")
                        .start(LocalDate.of(2026, 11, 2), null).units("D")
                        .sickness(LocalDate.of(2026, 11, 2), null).notified(LocalDate.of(2026, 11, 2)).build(),
                AbsenceRow.builder(EFFECTIVE, AbsenceOperation.END, "20000002", "PWH-A000127")
                        .type("Sickness", "S13 Cold, Cough, Flu - Influenza")
                        .start(LocalDate.of(2026, 10, 26), null).end(LocalDate.of(2026, 10, 30), null)
                        .units("D").durationDays(new BigDecimal("5"))
                        .sickness(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30))
                        .returnToWorkDiscussion(LocalDate.of(2026, 11, 2)).notified(LocalDate.of(2026, 10, 26)).build(),
                AbsenceRow.delete(EFFECTIVE, null, "20000001-2", "PWH-A000129"));
    }
}
