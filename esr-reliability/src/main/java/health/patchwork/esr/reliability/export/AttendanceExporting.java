package health.patchwork.esr.reliability.export;

import java.io.IOException;
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
import health.patchwork.esr.reliability.service.AttendanceWorkload;
import health.patchwork.esr.testsupport.security.TestTokens;

/**
 * attendance-inbound-service: timesheet lines in through {@code POST /api/v1/timesheet-lines}, the operator's
 * {@code POST /api/v1/exports} per period. A pay code whose third input value is the line id ({@code LINE_ID}) makes
 * every ATT row name its line, so the mailbox alone shows which line is in which file.
 */
final class AttendanceExporting implements ExportingService {

    private static final String PAY_CODE = AttendanceWorkload.TRACED_PAY_CODE;
    private static final int BATCH = 1000;

    @Override
    public String module() {
        return "attendance-inbound-service";
    }

    @Override
    public String itemsName() {
        return "lines";
    }

    @Override
    public String schema() {
        return "attendance";
    }

    @Override
    public Map<String, String> environment(Map<String, String> sandbox, Path home) throws IOException {
        return AttendanceWorkload.withHarnessPayCodes(sandbox, home);
    }

    @Override
    public Set<String> post(HarnessHttp http, String baseUrl, int items, LocalDate day, int firstId) {
        Set<String> ids = new LinkedHashSet<>();
        for (int from = 0; from < items; from += BATCH) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = from; i < Math.min(items, from + BATCH); i++) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("lineId", "L%06d".formatted(firstId + i));
                line.put("assignmentNumber", PublishedContractStub.assignmentNumber(i));
                line.put("dateWorked", day.toString());
                line.put("payCode", PAY_CODE);
                line.put("quantity", "7.50");
                lines.add(line);
                ids.add("L%06d".formatted(firstId + i));
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
                Map.of("payroll", AttendanceWorkload.PAYROLL, "taxYear", Integer.parseInt(period.substring(0, 2)),
                        "period", Integer.parseInt(period.substring(2)))).status();
    }

    @Override
    public Optional<String> itemId(InboundRecord row) {
        return AttendanceWorkload.tracedLineId(row);
    }

    @Override
    public long unsent(HarnessDatabase database) throws SQLException {
        return database.count("select count(*) from attendance.export_entry where export_file_id is null");
    }
}
