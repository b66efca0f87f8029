package health.patchwork.esr.reliability.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import health.patchwork.esr.formats.read.InboundRecord;
import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.HarnessHttp;
import health.patchwork.esr.reliability.service.AttendanceWorkload;
import health.patchwork.esr.testsupport.security.TestTokens;

/**
 * Corrections ({@code POST /api/v1/timesheet-lines/{id}/corrections}), withdrawals ({@code DELETE}) and updates (the
 * line posted again with new content) of timesheet lines. A line's state is its hours, or {@value #WITHDRAWN}; what
 * ESR holds of it is the sum of the Hours input value over every ATT row that names it (a reversal negates it).
 */
final class AttendanceChanges implements ChangeTraffic {

    static final String WITHDRAWN = "W";
    private static final List<String> QUANTITIES = List.of("4.00", "6.25", "7.50", "11.50");
    private static final String HOURS_INPUT = "Hours";

    private final AttendanceExporting service = new AttendanceExporting();

    @Override
    public ExportingService service() {
        return service;
    }

    @Override
    public String posted(LocalDate day) {
        return "7.50";
    }

    @Override
    public Answer change(HarnessHttp http, String baseUrl, String id, String assignment, String believed,
            LocalDate day, Random random) {
        String quantity = QUANTITIES.get(random.nextInt(QUANTITIES.size()));
        double draw = random.nextDouble();
        if (draw < 0.15) {
            HarnessHttp.Reply reply = http.send("DELETE", baseUrl + "/api/v1/timesheet-lines/" + id,
                    TestTokens.platform(), null, null);
            return switch (reply.status()) {
                case 200 -> Answer.done(WITHDRAWN);
                case 409 -> Answer.refused(believed);
                default -> throw unexpected("withdrawal", reply);
            };
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("assignmentNumber", assignment);
        line.put("dateWorked", day.toString());
        line.put("payCode", AttendanceWorkload.TRACED_PAY_CODE);
        line.put("quantity", quantity);
        if (draw < 0.6) {
            HarnessHttp.Reply reply = http.postJson(baseUrl + "/api/v1/timesheet-lines/" + id + "/corrections",
                    TestTokens.platform(), line);
            if (reply.status() == 200) {
                return Answer.done(quantity);
            }
            if (reply.status() == 409 || reply.status() == 422 && WITHDRAWN.equals(believed)) {
                return Answer.refused(believed);
            }
            throw unexpected("correction", reply);
        }
        line.put("lineId", id);
        HarnessHttp.Reply reply = http.postJson(baseUrl + "/api/v1/timesheet-lines", TestTokens.platform(),
                Map.of("lines", List.of(line)));
        return switch (reply.status()) {
            case 200 -> Answer.done(quantity);
            // refused out loud: sent already (a correction is the way), or withdrawn
            case 422 -> Answer.refused(believed);
            default -> throw unexpected("update", reply);
        };
    }

    @Override
    public String inEsr(String serviceState) {
        return WITHDRAWN.equals(serviceState) ? NOTHING : serviceState;
    }

    @Override
    public void apply(InboundRecord row, Map<String, String> esr) {
        service.itemId(row).ifPresent(id -> {
            String held = esr.getOrDefault(id, NOTHING);
            BigDecimal sum = (NOTHING.equals(held) ? BigDecimal.ZERO : new BigDecimal(held)).add(hours(row));
            esr.put(id, sum.signum() == 0 ? NOTHING : sum.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        });
    }

    private static BigDecimal hours(InboundRecord row) {
        // input value k (1..15) has its name in column 5 + 2k and its value in 6 + 2k (docs/spec/inbound-files.md §2.1)
        for (int k = 1; k <= 15; k++) {
            if (HOURS_INPUT.equals(row.get(5 + 2 * k))) {
                return new BigDecimal(row.get(6 + 2 * k));
            }
        }
        throw new IllegalStateException("ATT row " + row.recordNumber() + " has no " + HOURS_INPUT + " input value");
    }

    @Override
    public Map<String, String> inService(HarnessDatabase database) throws SQLException {
        Map<String, String> states = new HashMap<>();
        for (String pair : database.strings("select line_id || '=' || case when withdrawn then '" + WITHDRAWN
                + "' else quantity::text end from attendance.timesheet_line")) {
            int at = pair.indexOf('=');
            states.put(pair.substring(0, at), pair.substring(at + 1));
        }
        return states;
    }

    static UnexpectedAnswer unexpected(String what, HarnessHttp.Reply reply) {
        return new UnexpectedAnswer(what + " answered " + reply.status() + ": "
                + reply.body().substring(0, Math.min(300, reply.body().length())));
    }
}
