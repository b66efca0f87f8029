package health.patchwork.esr.reliability.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import health.patchwork.esr.formats.read.InboundRecord;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * The platform's side of the attendance service for the scenarios: a workforce the service can check lines against
 * (the published contract, as the inbound services' own tests stand it in), batches of approved timesheet lines, and
 * the operator's export of a period.
 */
public final class AttendanceWorkload {

    private static final String CONTRACT = "/health/patchwork/esr/testsupport/workforce/published-contract-stub.sql";

    /** A pay code whose third input value is the line id: every ATT row of a file names its line. */
    public static final String TRACED_PAY_CODE = "HARNESS_REF";
    private static final String REFERENCE_INPUT = "Reference";

    /**
     * The ESR payroll (ASA field 11) of every assignment the harness publishes: the monthly one of the sandbox's
     * {@code esr.payrolls} for the harness's VPD 123. Lines go to their assignment's payroll, so an export names it.
     */
    public static final String PAYROLL = "123 Monthly";

    private final ServiceHttp http;
    private final int assignments;
    private final LocalDate dayWorked = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);

    public AttendanceWorkload(ServiceHttp http, int assignments) {
        this.http = http;
        this.assignments = assignments;
    }

    /** Publishes {@code assignments} active assignments with the T&amp;A flag set, as the outbound service would. */
    public static void publishWorkforce(SharedPostgres.Endpoint database, int assignments) throws SQLException,
            IOException {
        String contract;
        try (InputStream in = AttendanceWorkload.class.getResourceAsStream(CONTRACT)) {
            contract = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute(contract);
            statement.execute("truncate workforce.published_assignment");
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into workforce.published_assignment (assignment_id, assignment_number, person_id,
                        employee_number, effective_start, assignment_status, ta_flag, cost_centre, payroll_name,
                        payroll_period_type)
                    values (?, ?, ?, ?, date '2020-01-01', 'ACTIVE_ASSIGN', 'Y', '123A7100', ?, 'Calendar Month')""")) {
                for (int i = 0; i < assignments; i++) {
                    String number = assignmentNumber(i);
                    insert.setString(1, "7" + number);
                    insert.setString(2, number);
                    insert.setString(3, "8" + number);
                    insert.setString(4, number);
                    insert.setString(5, PAYROLL);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** A database of its own on the shared server, so that scenarios never see each other's schemas. */
    public static SharedPostgres.Endpoint freshDatabase(SharedPostgres.Endpoint server, String name)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
                server.password()); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        return new SharedPostgres.Endpoint(server.jdbcUrl().replaceFirst("/postgres\\?", "/" + name + "?"),
                server.username(), server.password());
    }

    /**
     * {@code environment} plus the settings the harness's workload needs (a file written to home): the pay code
     * {@link #TRACED_PAY_CODE}, and its pay codes' quantities declared not time worked. The harness is a load
     * generator, not a roster: it posts many lines for one assignment and day, which the check before a file goes
     * would hold as more than 24 hours (ChecksBeforeExportTest covers that check); the checks still run on every
     * export the scenarios make.
     */
    public static Map<String, String> withHarnessPayCodes(Map<String, String> environment, Path home)
            throws IOException {
        Path settings = Files.writeString(home.resolve("harness-attendance.yml"), """
                esr:
                  attendance:
                    pay-codes:
                      %s:
                        element: Harness Hours
                        worked-hours: false
                        input-values:
                          - {name: Hours, source: HOURS}
                          - {name: Date Worked, source: WORK_DATE}
                          - {name: %s, source: LINE_ID}
                      OT_PLAIN:
                        worked-hours: false
                """.formatted(TRACED_PAY_CODE, REFERENCE_INPUT));
        Map<String, String> own = new LinkedHashMap<>(environment);
        own.merge("SPRING_CONFIG_ADDITIONALLOCATION", "optional:file:" + settings, (a, b) -> a + "," + b);
        return own;
    }

    /** The line id an ATT row of {@link #TRACED_PAY_CODE} carries; empty for other records. */
    public static Optional<String> tracedLineId(InboundRecord row) {
        if (!"ATT".equals(row.recordType())) {
            return Optional.empty();
        }
        // input value k (1..15) has its name in column 5 + 2k and its value in 6 + 2k (docs/spec/inbound-files.md §2.1)
        for (int k = 1; k <= 15; k++) {
            if (REFERENCE_INPUT.equals(row.get(5 + 2 * k))) {
                return Optional.ofNullable(row.get(6 + 2 * k));
            }
        }
        return Optional.of("(ATT row " + row.recordNumber() + " without a reference)");
    }

    private static String assignmentNumber(int i) {
        return String.valueOf(30_000_000 + i);
    }

    /** {@code count} distinct approved lines whose ids start with {@code prefix}. */
    public List<Map<String, Object>> lines(String prefix, int count) {
        return lines(prefix, count, "OT_PLAIN");
    }

    /** The same under {@code payCode}, e.g. {@link #TRACED_PAY_CODE}. */
    public List<Map<String, Object>> lines(String prefix, int count, String payCode) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineId", prefix + "-" + i);
            line.put("assignmentNumber", assignmentNumber(i % assignments));
            line.put("dateWorked", dayWorked.toString());
            line.put("payCode", payCode);
            line.put("quantity", List.of("7.50", "11.50", "4.00").get(i % 3));
            lines.add(line);
        }
        return lines;
    }

    public ServiceHttp.Reply post(List<Map<String, Object>> lines) {
        return http.post("/api/v1/timesheet-lines", TestTokens.platform(), Map.of("lines", lines));
    }

    /** Exports the unsent lines of the period {@code lineId} falls in, as an operator does. */
    public ServiceHttp.Reply export(String lineId) {
        JsonNode entries = http.get("/api/v1/timesheet-lines/" + lineId, TestTokens.platform()).body()
                .path("entries");
        String period = entries.path(0).path("period").asString("");
        if (period.length() != 4) {
            throw new IllegalStateException("line " + lineId + " has no payroll period: " + entries);
        }
        return http.post("/api/v1/exports", TestTokens.operator(), Map.of("payroll", PAYROLL,
                "taxYear", Integer.parseInt(period.substring(0, 2)), "period", Integer.parseInt(period.substring(2))));
    }

    public ServiceHttp http() {
        return http;
    }
}
