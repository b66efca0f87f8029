package health.patchwork.esr.reliability.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import health.patchwork.esr.formats.read.InboundRecord;
import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.HarnessHttp;
import health.patchwork.esr.testsupport.security.TestTokens;

/**
 * New dates and hours ({@code PUT /api/v1/absences/{id}/dates}) and cancellations ({@code POST .../cancel}) of
 * annual leave. An absence's state is {@code start|end|hours}, or {@value #CANCELLED}; what ESR holds of it is what
 * its last ABS row left: the values of an ADD or END, nothing after a DEL (docs/spec/inbound-files.md §3.4).
 */
final class AbsenceChanges implements ChangeTraffic {

    static final String CANCELLED = "X";
    private static final List<String> HOURS = List.of("3.75", "7.50", "11.25", "15.00");

    private final AbsenceExporting service = new AbsenceExporting();

    @Override
    public ExportingService service() {
        return service;
    }

    @Override
    public String posted(LocalDate day) {
        return state(day, day, "7.50");
    }

    @Override
    public Answer change(HarnessHttp http, String baseUrl, String id, String assignment, String believed,
            LocalDate day, Random random) {
        if (random.nextDouble() < 0.25) {
            HarnessHttp.Reply reply = http.postJson(baseUrl + "/api/v1/absences/" + id + "/cancel",
                    TestTokens.platform(), null);
            if (reply.status() != 200) {
                throw AttendanceChanges.unexpected("cancellation", reply);
            }
            return Answer.done(CANCELLED);
        }
        LocalDate end = day.plusDays(random.nextInt(2));
        String hours = HOURS.get(random.nextInt(HOURS.size()));
        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("startDate", day.toString());
        dates.put("endDate", end.toString());
        dates.put("units", hours);
        dates.put("openEnded", false);
        HarnessHttp.Reply reply = http.send("PUT", baseUrl + "/api/v1/absences/" + id + "/dates",
                TestTokens.platform(), "application/json", HarnessHttp.JSON.writeValueAsBytes(dates));
        return switch (reply.status()) {
            case 200 -> Answer.done(state(day, end, hours));
            // refused out loud: cancelled, or another change of it at the same moment
            case 409 -> Answer.refused(believed);
            default -> throw AttendanceChanges.unexpected("change of dates", reply);
        };
    }

    @Override
    public String inEsr(String serviceState) {
        return CANCELLED.equals(serviceState) ? NOTHING : serviceState;
    }

    @Override
    public void apply(InboundRecord row, Map<String, String> esr) {
        service.itemId(row).ifPresent(id -> esr.put(id, "DEL".equals(row.get(2)) ? NOTHING
                : state(date(row.get(7)), date(row.get(9)), row.get(12))));
    }

    private static LocalDate date(String yyyymmdd) {
        return LocalDate.parse(yyyymmdd, DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static String state(LocalDate start, LocalDate end, String hours) {
        return start + "|" + end + "|" + new BigDecimal(hours).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    @Override
    public Map<String, String> inService(HarnessDatabase database) throws SQLException {
        Map<String, String> states = new HashMap<>();
        for (String pair : database.strings("select absence_id || '=' || case when cancelled then '" + CANCELLED
                + "' else start_date::text || '|' || coalesce(end_date::text, '') || '|'"
                + " || coalesce(duration_hours::text, '') end from absence.absence")) {
            int at = pair.indexOf('=');
            states.put(pair.substring(0, at), pair.substring(at + 1));
        }
        return states;
    }
}
