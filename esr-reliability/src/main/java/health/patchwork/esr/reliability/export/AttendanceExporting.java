package health.patchwork.esr.reliability.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import health.patchwork.esr.formats.read.InboundRecord;
import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.HarnessHttp;
import health.patchwork.esr.testsupport.security.TestTokens;

/**
 * attendance-inbound-service: timesheet lines in through {@code POST /api/v1/timesheet-lines}, the operator's
 * {@code POST /api/v1/exports} per period. A pay code whose third input value is the line id ({@code LINE_ID}) makes
 * every ATT row name its line, so the mailbox alone shows which line is in which file.
 */
final class AttendanceExporting implements ExportingService {

    private static final String PAY_CODE = "HARNESS_REF";
    private static final String REFERENCE_INPUT = "Reference";
    private static final int BATCH = 1000;

    @Override
    public String module() {
        return "attendance-inbound-service";
    }

    @Override
    public String schema() {
        return "attendance";
    }

    @Override
    public Map<String, String> environment(Map<String, String> sandbox, Path home) throws IOException {
        Path settings = Files.writeString(home.resolve("harness-attendance.yml"), """
                esr:
                  attendance:
                    pay-codes:
                      %s:
                        element: Harness Hours
                        input-values:
                          - {name: Hours, source: HOURS}
                          - {name: Date Worked, source: WORK_DATE}
                          - {name: %s, source: LINE_ID}
                """.formatted(PAY_CODE, REFERENCE_INPUT));
        Map<String, String> environment = new LinkedHashMap<>(sandbox);
        environment.merge("SPRING_CONFIG_ADDITIONALLOCATION", "optional:file:" + settings, (a, b) -> a + "," + b);
        return environment;
    }

    @Override
    public Set<String> post(HarnessHttp http, String baseUrl, int items, LocalDate day) {
        Set<String> ids = new LinkedHashSet<>();
        for (int from = 0; from < items; from += BATCH) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = from; i < Math.min(items, from + BATCH); i++) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("lineId", "L%06d".formatted(i));
                line.put("assignmentNumber", PublishedContractStub.assignmentNumber(i));
                line.put("dateWorked", day.toString());
                line.put("payCode", PAY_CODE);
                line.put("quantity", "7.50");
                lines.add(line);
                ids.add("L%06d".formatted(i));
            }
            HarnessHttp.Reply reply = http.postJson(baseUrl + "/api/v1/timesheet-lines", TestTokens.platform(),
                    Map.of("lines", lines));
            if (reply.status() != 200) {
                throw new IllegalStateException("timesheet lines not accepted: HTTP " + reply.status() + " "
                        + reply.body().substring(0, Math.min(500, reply.body().length())));
            }
        }
        return ids;
    }

    @Override
    public List<String> pendingPeriods(HarnessDatabase database) throws SQLException {
        return database.strings("select distinct lpad(tax_year::text, 2, '0') || lpad(tax_period::text, 2, '0')"
                + " from attendance.export_entry where export_file_id is null order by 1");
    }

    @Override
    public int export(HarnessHttp http, String baseUrl, String period) {
        return http.postJson(baseUrl + "/api/v1/exports", TestTokens.operator(),
                Map.of("taxYear", Integer.parseInt(period.substring(0, 2)),
                        "period", Integer.parseInt(period.substring(2)))).status();
    }

    @Override
    public Optional<String> itemId(InboundRecord row) {
        if (!"ATT".equals(row.recordType())) {
            return Optional.empty();
        }
        // input value k (1..15) has its name in column 5 + 2k and its value in 6 + 2k (inbound-files.md §2.1)
        for (int k = 1; k <= 15; k++) {
            if (REFERENCE_INPUT.equals(row.get(5 + 2 * k))) {
                return Optional.ofNullable(row.get(6 + 2 * k));
            }
        }
        return Optional.of("(ATT row " + row.recordNumber() + " without a reference)");
    }

    @Override
    public long unsent(HarnessDatabase database) throws SQLException {
        return database.count("select count(*) from attendance.export_entry where export_file_id is null");
    }
}
