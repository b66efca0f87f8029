package health.patchwork.esr.sandbox.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

import health.patchwork.esr.formats.validate.ValidationReport;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.SandboxService;
import health.patchwork.esr.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * Plays the Patchwork platform and a payroll officer for one week: waits for ESR's full file to be imported, posts
 * the week's approved shifts and absences of the synthetic staff through the REST APIs, asks for the T&amp;A export
 * and finalises the absence period; then lets ESR validate the files and echo the absences, and waits until they
 * are confirmed.
 */
public final class DemoDriver {

    /** What a run produced, for people to read and for the end-to-end test to check. */
    public record Outcome(List<String> taFiles, List<String> abFiles, List<ValidationReport> esrReports,
            List<String> absenceIds, Map<String, String> absenceStatus, int linesAccepted, int linesRejected) {
    }

    private static final Duration WAIT = Duration.ofMinutes(4);

    private final SandboxRuntime runtime;
    private final Consumer<String> log;
    private final Http http = new Http();
    private final Random random = new Random(20261125L);
    private final LocalDate today;

    public DemoDriver(SandboxRuntime runtime, Consumer<String> log) {
        this.runtime = runtime;
        this.log = log;
        this.today = runtime.options().today();
    }

    public Outcome run() throws InterruptedException {
        awaitFullFileApplied();
        List<String> assignments = activeAllWeek();
        List<String> lineIds = new ArrayList<>();
        int[] counts = postTimesheets(assignments, lineIds);
        List<String> absenceIds = postAbsences(assignments);

        List<String> taFiles = exportTimesheets(lineIds);
        List<String> abFiles = finaliseAbsences(absenceIds);
        List<ValidationReport> reports = awaitEsrReports(taFiles, abFiles);

        runtime.esr().advanceDay();
        Map<String, String> status = awaitConfirmed(absenceIds);
        return new Outcome(taFiles, abFiles, reports, absenceIds, status, counts[0], counts[1]);
    }

    private void awaitFullFileApplied() throws InterruptedException {
        log.accept("waiting for the outbound service to import ESR's full file");
        await("full file applied", () -> {
            JsonNode files = http.get(url(SandboxService.OUTBOUND, "/api/v1/files?size=50"), TestTokens.platform())
                    .body().path("items");
            for (JsonNode file : files) {
                if (file.path("fileName").asString("").contains("_GOF_")
                        && ("APPLIED".equals(file.path("state").asString(""))
                        || "APPLIED".equals(file.path("outcome").asString("")))) {
                    return true;
                }
            }
            return false;
        });
    }

    private List<String> activeAllWeek() {
        Set<String> active = new LinkedHashSet<>(runtime.trust().assignmentNumbersActiveOn(today.minusDays(7)));
        active.retainAll(runtime.trust().assignmentNumbersActiveOn(today.minusDays(1)));
        List<String> chosen = new ArrayList<>(active);
        java.util.Collections.shuffle(chosen, random);
        return chosen.subList(0, Math.min(60, chosen.size()));
    }

    private int[] postTimesheets(List<String> assignments, List<String> lineIds) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String assignment : assignments) {
            for (int shift = 0, n = 1 + random.nextInt(3); shift < n; shift++) {
                LocalDate day = today.minusDays(1 + random.nextInt(7));
                String payCode = assignment.contains("-") ? "BANK"
                        : day.getDayOfWeek() == DayOfWeek.SATURDAY ? "UNSOCIAL_SAT" : "OT_PLAIN";
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("lineId", "L" + day.toString().replace("-", "") + "-" + assignment + "-" + shift);
                line.put("assignmentNumber", assignment);
                line.put("dateWorked", day.toString());
                line.put("payCode", payCode);
                line.put("quantity", List.of("7.50", "11.50", "4.00").get(random.nextInt(3)));
                lines.add(line);
            }
        }
        JsonNode result = http.post(url(SandboxService.ATTENDANCE, "/api/v1/timesheet-lines"), TestTokens.platform(),
                Map.of("lines", lines)).body();
        for (JsonNode line : result.path("lines")) {
            if ("ACCEPTED".equals(line.path("outcome").asString("")) || line.path("errors").isEmpty()) {
                lineIds.add(line.path("lineId").asString());
            }
        }
        int accepted = result.path("accepted").asInt();
        int rejected = result.path("rejected").asInt();
        log.accept("posted " + lines.size() + " timesheet lines: " + accepted + " accepted, " + rejected + " rejected");
        return new int[] {accepted, rejected};
    }

    private List<String> postAbsences(List<String> assignments) {
        List<Map<String, Object>> absences = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        // bank posts (numbers ending -2) are on the weekly payroll, substantive ones on the monthly: some of each
        List<String> chosen = Stream.concat(assignments.stream().filter(a -> a.endsWith("-2")).limit(5),
                assignments.stream().filter(a -> !a.endsWith("-2")).limit(5)).toList();
        for (int i = 0; i < chosen.size(); i++) {
            String assignment = chosen.get(i);
            LocalDate start = today.minusDays(2 + random.nextInt(5));
            Map<String, Object> absence = new LinkedHashMap<>();
            String id = String.format("A%06d", 100 + i);
            absence.put("absenceId", id);
            absence.put("assignmentNumber", assignment);
            if (i % 3 == 0) {
                absence.put("category", "SICKNESS");
                absence.put("reason", List.of("S12", "S13").get(random.nextInt(2)));
                absence.put("startDate", start.toString());
                if (i == 0) {
                    absence.put("openEnded", true);
                } else {
                    absence.put("endDate", start.plusDays(1).toString());
                    absence.put("returnToWorkDate", start.plusDays(2).toString());
                }
            } else {
                absence.put("category", "ANNUAL_LEAVE");
                absence.put("startDate", start.toString());
                absence.put("endDate", start.toString());
                absence.put("units", "7.5");
            }
            absence.put("notificationDate", start.minusDays(7).toString());
            absences.add(absence);
            ids.add(id);
        }
        JsonNode result = http.post(url(SandboxService.ABSENCE, "/api/v1/absences"), TestTokens.platform(),
                Map.of("absences", absences)).body();
        log.accept("posted " + absences.size() + " absences: " + result.path("accepted").asInt() + " accepted, "
                + result.path("rejected").asInt() + " rejected");
        return ids;
    }

    private List<String> exportTimesheets(List<String> lineIds) {
        // each line's status names its payroll (the synthetic Trust has a weekly bank and a monthly one) and period
        Set<List<String>> periods = new LinkedHashSet<>();
        for (String lineId : lineIds) {
            JsonNode status = http.get(url(SandboxService.ATTENDANCE, "/api/v1/timesheet-lines/" + lineId),
                    TestTokens.platform()).body();
            String payroll = status.path("payDate").path("payroll").asString("");
            for (JsonNode entry : status.path("entries")) {
                periods.add(List.of(payroll, entry.path("period").asString()));
            }
        }
        List<String> files = new ArrayList<>();
        for (List<String> payrollPeriod : periods) {
            String payroll = payrollPeriod.get(0);
            String period = payrollPeriod.get(1);
            Map<String, Object> request = new LinkedHashMap<>(Map.of(
                    "taxYear", Integer.parseInt(period.substring(0, 2)),
                    "period", Integer.parseInt(period.substring(2))));
            if (!payroll.isEmpty()) {
                request.put("payroll", payroll);
            }
            Http.Reply reply = http.post(url(SandboxService.ATTENDANCE, "/api/v1/exports"), TestTokens.operator(),
                    request);
            if (reply.status() == 201) {
                files.add(reply.body().path("fileName").asString());
            }
            log.accept("T&A export of " + (payroll.isEmpty() ? "" : payroll + " ") + "period " + period + ": HTTP "
                    + reply.status() + " " + reply.body().path("fileName").asString(""));
        }
        return files;
    }

    private List<String> finaliseAbsences(List<String> absenceIds) {
        // each absence's status names its payroll (its assignment's on the start date) and that payroll's period
        Set<List<String>> periods = new LinkedHashSet<>();
        for (String id : absenceIds) {
            JsonNode status = http.get(url(SandboxService.ABSENCE, "/api/v1/absences/" + id), TestTokens.platform())
                    .body();
            if (!status.path("period").isMissingNode() && !status.path("period").isNull()) {
                periods.add(List.of(status.path("payroll").asString(""), status.path("period").asString()));
            }
        }
        List<String> files = new ArrayList<>();
        for (List<String> payrollPeriod : periods) {
            String payroll = payrollPeriod.get(0);
            String period = payrollPeriod.get(1);
            Http.Reply reply = http.post(url(SandboxService.ABSENCE, "/api/v1/periods/" + period + "/finalise"
                    + (payroll.isEmpty() ? "" : "?payroll=" + URLEncoder.encode(payroll, StandardCharsets.UTF_8))),
                    TestTokens.platform(), null);
            String file = reply.body().path("file").asString("");
            if (!file.isEmpty()) {
                files.add(file);
            }
            log.accept("absence period " + (payroll.isEmpty() ? "" : payroll + " ") + period + " finalised: HTTP "
                    + reply.status() + " " + file);
        }
        return files;
    }

    private List<ValidationReport> awaitEsrReports(List<String> taFiles, List<String> abFiles)
            throws InterruptedException {
        List<String> delivered = new ArrayList<>(taFiles);
        delivered.addAll(abFiles);
        await("ESR's validation reports", () -> {
            runtime.esr().inspectNow();
            return delivered.stream().allMatch(name -> runtime.esr().report(name).isPresent());
        });
        List<ValidationReport> reports = delivered.stream().map(name -> runtime.esr().report(name).orElseThrow())
                .toList();
        reports.forEach(r -> log.accept("ESR validated " + r.fileName() + ": " + r.outcome()));
        return reports;
    }

    private Map<String, String> awaitConfirmed(List<String> absenceIds) throws InterruptedException {
        Map<String, String> status = new LinkedHashMap<>();
        log.accept("waiting for ESR's echo of the absences to come back through the outbound feed");
        try {
            await("absences confirmed", () -> {
                http.post(url(SandboxService.ABSENCE, "/api/v1/reconciliation/run"), TestTokens.operator(), null);
                status.clear();
                for (String id : absenceIds) {
                    status.put(id, http.get(url(SandboxService.ABSENCE, "/api/v1/absences/" + id),
                            TestTokens.platform()).body().path("status").asString());
                }
                return status.values().stream().allMatch("CONFIRMED"::equals);
            });
        } catch (IllegalStateException timeout) {
            log.accept("not all absences confirmed: " + status);
        }
        log.accept("absence statuses: " + status);
        return status;
    }

    private String url(SandboxService service, String path) {
        return runtime.baseUrl(service) + path;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }
}
