package health.patchwork.esr.reliability.fuzz;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.write.AbsenceFileWriter;
import health.patchwork.esr.formats.write.AbsenceOperation;
import health.patchwork.esr.formats.write.AbsenceRow;
import health.patchwork.esr.formats.write.AttendanceFileWriter;
import health.patchwork.esr.formats.write.AttendanceRow;
import health.patchwork.esr.formats.write.Costing;
import health.patchwork.esr.formats.write.InboundWriterOptions;
import health.patchwork.esr.formats.write.InputValue;

/**
 * Valid TA and AB files as our writers produce them (quoted names with commas, costing, every kind of input value,
 * ADD, END and DEL absences), split into their records, and the assignment numbers in them that no message may quote.
 */
record InboundSource(InboundFileName name, byte[] header, List<byte[]> rows, Set<String> assignments) {

    static final LocalDate EFFECTIVE = LocalDate.of(2026, 11, 3);
    static final LocalDateTime CREATED = LocalDateTime.of(2026, 11, 3, 9, 30);

    static InboundSource attendance(long seed) {
        Random random = new Random(seed);
        InboundFileName name = InboundFileName.parseOrThrow("TA_123_PWH_MN2708_00000007.DAT");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Set<String> assignments = new HashSet<>();
        String[] elements = {"Overtime Plain Time", "Bank Hours Worked", "Unsocial Hours Saturday",
            "Enhancement, Night (Band 5)"};
        try (AttendanceFileWriter writer = AttendanceFileWriter.open(out, name, CREATED,
                InboundWriterOptions.defaults())) {
            for (int i = 0; i < 150; i++) {
                String assignment = (20_000_000 + random.nextInt(900_000)) + (i % 4 == 0 ? "-2" : "");
                assignments.add(assignment);
                LocalDate earned = EFFECTIVE.minusDays(1 + random.nextInt(30));
                List<InputValue> values = new ArrayList<>();
                values.add(InputValue.amount("Hours", new BigDecimal(List.of("7.5", "11.5", "-4", "3.25").get(i % 4))));
                values.add(InputValue.date("Date Worked", earned));
                if (i % 3 == 0) {
                    values.add(InputValue.whole("Shifts", 1 + random.nextInt(3)));
                }
                if (i % 5 == 0) {
                    values.add(InputValue.text("Ward", "Ward " + (char) ('A' + random.nextInt(26))));
                }
                writer.write(new AttendanceRow(EFFECTIVE, i % 2 == 0 ? null : "E" + i, assignment, earned,
                        elements[i % elements.length], values, i % 3 == 1 ? Costing.costCentre("123A7200") : null),
                        "line-" + i);
            }
        }
        return split(name, out.toByteArray(), assignments);
    }

    static InboundSource absence(long seed) {
        Random random = new Random(seed);
        InboundFileName name = InboundFileName.parseOrThrow("AB_123_PWH_MN2708_00000003.DAT");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Set<String> assignments = new HashSet<>();
        try (AbsenceFileWriter writer = AbsenceFileWriter.open(out, name, CREATED, InboundWriterOptions.defaults())) {
            for (int i = 0; i < 120; i++) {
                String assignment = String.valueOf(20_000_000 + random.nextInt(900_000));
                assignments.add(assignment);
                LocalDate start = EFFECTIVE.minusDays(random.nextInt(40));
                String reference = String.format("PWH-A%06d", i);
                writer.write(switch (i % 4) {
                    case 0 -> new AbsenceRow(EFFECTIVE, AbsenceOperation.ADD, null, assignment, "Annual Leave Hours 1",
                            null, start, LocalTime.of(8, 0), start, LocalTime.of(15, 30), null, new BigDecimal("7.5"),
                            "H", null, null, false, null, reference, start.minusDays(14));
                    case 1 -> AbsenceRow.builder(EFFECTIVE, AbsenceOperation.ADD, assignment, reference)
                            .type("Sickness", "S12 Other musculoskeletal problems").start(start, null).units("D")
                            .sickness(start, null).notified(start).build();
                    case 2 -> AbsenceRow.builder(EFFECTIVE, AbsenceOperation.END, assignment, reference)
                            .type("Sickness", "S13 Cold, Cough, Flu - Influenza").start(start, null)
                            .end(start.plusDays(4), null).units("D").durationDays(new BigDecimal("5"))
                            .sickness(start, start.plusDays(4)).returnToWorkDiscussion(start.plusDays(7))
                            .notified(start).build();
                    default -> AbsenceRow.delete(EFFECTIVE, "E" + i, assignment, reference);
                }, reference);
            }
        }
        return split(name, out.toByteArray(), assignments);
    }

    /** Records end with CR (the configured separator); the last one, FTR, has none. */
    private static InboundSource split(InboundFileName name, byte[] file, Set<String> assignments) {
        String[] records = new String(file, StandardCharsets.ISO_8859_1).split("\r", -1);
        List<byte[]> rows = new ArrayList<>();
        for (int i = 1; i < records.length - 1; i++) {
            rows.add(records[i].getBytes(StandardCharsets.ISO_8859_1));
        }
        return new InboundSource(name, records[0].getBytes(StandardCharsets.ISO_8859_1), rows, assignments);
    }
}
