package health.patchwork.esr.reliability.export;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * absence-inbound-service: one-day annual leave in through {@code POST /api/v1/absences}, the platform's
 * {@code POST /api/v1/periods/{id}/finalise}. ABS field 18 is the reference the sandbox settings make
 * {@code PWH-<absenceId>}.
 */
final class AbsenceExporting implements ExportingService {

    private static final String REFERENCE_PREFIX = "PWH-";

    /**
     * An absence ESR still has to be told about: a revision not yet sent, unless it was cancelled before it was ever
     * sent (ESR never knew it, so there is nothing to tell) or the service refused it. As the AB export selects.
     */
    private static final String OWED_TO_ESR = "sent_revision is distinct from revision"
            + " and (sent_revision is not null or not cancelled) and rejection is null";
    private static final int BATCH = 500;

    @Override
    public String module() {
        return "absence-inbound-service";
    }

    @Override
    public String itemsName() {
        return "absences";
    }

    @Override
    public String schema() {
        return "absence";
    }

    @Override
    public Map<String, String> environment(Map<String, String> sandbox, Path home) {
        return sandbox;
    }

    @Override
    public Set<String> post(HarnessHttp http, String baseUrl, int items, LocalDate day, int firstId) {
        Set<String> ids = new LinkedHashSet<>();
        for (int from = 0; from < items; from += BATCH) {
            List<Map<String, Object>> absences = new ArrayList<>();
            for (int i = from; i < Math.min(items, from + BATCH); i++) {
                Map<String, Object> absence = new LinkedHashMap<>();
                absence.put("absenceId", "A%06d".formatted(firstId + i));
                absence.put("assignmentNumber", PublishedContractStub.assignmentNumber(i));
                absence.put("category", "ANNUAL_LEAVE");
                absence.put("startDate", day.toString());
                absence.put("endDate", day.toString());
                absence.put("units", "7.5");
                absences.add(absence);
                ids.add("A%06d".formatted(firstId + i));
            }
            HarnessHttp.Reply reply = http.postJson(baseUrl + "/api/v1/absences", TestTokens.platform(),
                    Map.of("absences", absences));
            if (reply.status() != 200 || reply.json().path("rejected").asInt() != 0) {
                throw new IllegalStateException("absences not accepted: HTTP " + reply.status() + " "
                        + reply.body().substring(0, Math.min(500, reply.body().length())));
            }
        }
        return ids;
    }

    @Override
    public List<String> pendingPeriods(HarnessDatabase database) throws SQLException {
        return database.strings("select distinct 'M' || lpad(period_key::text, 4, '0') from absence.absence"
                + " where " + OWED_TO_ESR + " order by 1");
    }

    @Override
    public int export(HarnessHttp http, String baseUrl, String period) {
        // the harness's assignments are all on the sandbox's monthly payroll, which a finalisation names
        return http.postJson(baseUrl + "/api/v1/periods/" + period + "/finalise?payroll="
                + URLEncoder.encode(AttendanceWorkload.PAYROLL, StandardCharsets.UTF_8), TestTokens.platform(), null)
                .status();
    }

    @Override
    public Optional<String> itemId(InboundRecord row) {
        if (!"ABS".equals(row.recordType())) {
            return Optional.empty();
        }
        String reference = row.get(18);
        return Optional.of(reference != null && reference.startsWith(REFERENCE_PREFIX)
                ? reference.substring(REFERENCE_PREFIX.length())
                : "(ABS row " + row.recordNumber() + " with reference " + reference + ")");
    }

    @Override
    public long unsent(HarnessDatabase database) throws SQLException {
        return database.count("select count(*) from absence.absence where " + OWED_TO_ESR);
    }
}
