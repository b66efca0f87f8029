package health.patchwork.esr.reliability.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import health.patchwork.esr.reliability.HarnessEnvironment;
import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.HarnessHttp;
import health.patchwork.esr.reliability.ScenarioResult;
import health.patchwork.esr.reliability.ServiceLauncher;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;
import health.patchwork.esr.testsupport.http.RawHttp;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import tools.jackson.databind.JsonNode;

/**
 * Bad REST input against the three running services: every operation that takes input (read from each service's
 * {@code /v3/api-docs}) gets generated bad requests with a token holding both roles. A trial (one request) passes
 * when the answer is a 4xx {@code application/problem+json} whose body names a field or a reason and shows no stack
 * trace; a batch endpoint that answers 200 with every item rejected passes too, and so does a read answered 200
 * (a junk value of a free-text filter is a valid query that matches nothing). <em>Lost</em> counts 5xx answers;
 * <em>duplicated</em> counts bad requests answered 2xx with something accepted. After the random requests come the
 * {@link LimitTrials}: bodies over the request-size limit (with a Content-Length, and chunked) and deeply nested
 * ones against each inbound batch endpoint, each to be refused with a 4xx problem detail and nothing stored.
 */
public final class BadRestInputScenario {

    private static final String[] SERVICES = {"outbound-rostering-service", "attendance-inbound-service",
        "absence-inbound-service"};
    /** One request in this many is a batch of several MB, so that they are a fair share without dominating time. */
    private static final int HUGE_BATCH_EVERY = 100;
    /** Bodies from this size on are sent so that an early answer is read (see {@link #send(BadRequest)}). */
    private static final int LARGE_BODY = 1024 * 1024;

    private final Path home;
    private final Random random;
    private final ServiceLauncher launcher;
    private final HarnessHttp http = new HarnessHttp();

    public BadRestInputScenario(Path repository, Path home, long seed) {
        this.home = home;
        this.random = new Random(seed);
        this.launcher = new ServiceLauncher(repository, home);
    }

    public ScenarioResult run(int requests) throws Exception {
        Files.createDirectories(home);
        HarnessDatabase database = new HarnessDatabase(SharedPostgres.endpoint());
        database.dropSchemas("workforce", "attendance", "absence");
        List<ServiceProcess> processes = new ArrayList<>();
        try (EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"))) {
            Map<String, String> environment = HarnessEnvironment.of(database.endpoint(), mailbox, "123",
                    home);
            List<ApiOperation> operations = new ArrayList<>();
            Map<String, SampleValues> samples = new HashMap<>();
            Map<String, String> baseUrls = new HashMap<>();
            // outbound first: its migrations publish the views the inbound services read; then both inbound at once
            Map<String, Map<String, String>> environments = new LinkedHashMap<>();
            for (String service : SERVICES) {
                Map<String, String> own = new HashMap<>(environment);
                String key = service.substring(0, service.indexOf('-')).toUpperCase();
                own.put("ESR_" + key + "_WORKDIR", Files.createTempDirectory(home, key + "-work-").toString());
                environments.put(service, own);
            }
            processes.add(launcher.startHealthy(SERVICES[0], environments.remove(SERVICES[0])));
            processes.addAll(launcher.startHealthyTogether(environments));
            for (ServiceProcess process : processes) {
                String service = process.name();
                baseUrls.put(service, ServiceLauncher.baseUrl(process));
                OpenApiOperations.Document document = OpenApiOperations.read(http, service,
                        ServiceLauncher.baseUrl(process));
                operations.addAll(document.operations());
                samples.put(service, new SampleValues(document.schemas(), random));
            }
            ScenarioResult random = send(operations, samples, requests);
            return withLimitTrials(random, LimitTrials.run(baseUrls, database));
        } finally {
            processes.forEach(ServiceProcess::close);
        }
    }

    private ScenarioResult send(List<ApiOperation> operations, Map<String, SampleValues> samples, int requests) {
        BadRequests generator = new BadRequests(random, 100_000);
        long passed = 0;
        long serverErrors = 0;
        long accepted = 0;
        Map<String, Long> failuresByKind = new TreeMap<>();
        String firstFailure = null;
        for (int i = 0; i < requests; i++) {
            ApiOperation op = operations.get(random.nextInt(operations.size()));
            BadRequest request = generator.next(op, samples.get(op.service()), i % HUGE_BATCH_EVERY == 0);
            HarnessHttp.Reply reply = send(request);
            String verdict = verdict(request.method(), reply);
            if (verdict == null) {
                passed++;
                continue;
            }
            serverErrors += reply.status() >= 500 ? 1 : 0;
            accepted += reply.status() < 300 ? 1 : 0;
            failuresByKind.merge(request.toString() + " -> " + reply.status(), 1L, Long::sum);
            if (firstFailure == null) {
                firstFailure = request + " " + request.url().substring(0, Math.min(200, request.url().length()))
                        + ": " + verdict;
            }
        }
        String note = firstFailure == null ? null : firstFailure + "; failures by request kind " + failuresByKind;
        return new ScenarioResult("bad REST input to the three services (" + operations.size() + " operations)",
                requests, passed, serverErrors, accepted, note);
    }

    /**
     * A body over the request-size limit is answered before it is read, and the connection closed: an ordinary
     * client may then report a broken pipe instead of the answer, so such bodies go through {@link RawHttp}.
     */
    private HarnessHttp.Reply send(BadRequest request) {
        if (request.body() == null || request.body().length < LARGE_BODY || request.contentType() == null) {
            return http.send(request.method(), request.url(), TestTokens.platformAndOperator(),
                    request.contentType(), request.body());
        }
        URI url = URI.create(request.url());
        try {
            RawHttp.Response response = RawHttp.send(request.method(), url.getHost(), url.getPort(),
                    url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()),
                    "Bearer " + TestTokens.platformAndOperator(), request.contentType(), request.body());
            return new HarnessHttp.Reply(response.status(), response.headers().getOrDefault("content-type", ""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.operation() + " failed", e);
        }
    }

    private static ScenarioResult withLimitTrials(ScenarioResult random, List<LimitTrials.Outcome> limits) {
        long passed = limits.stream().filter(o -> o.failure() == null).count();
        long serverErrors = limits.stream().filter(o -> o.status() >= 500).count();
        long accepted = limits.stream().filter(o -> o.status() >= 200 && o.status() < 300).count();
        String failures = String.join("; ", limits.stream().filter(o -> o.failure() != null)
                .map(o -> o.name() + ": " + o.failure()).toList());
        String note = random.note() == null && failures.isEmpty() ? null
                : (random.note() == null ? "" : random.note() + "; ") + (failures.isEmpty() ? ""
                : "limit trials failed: " + failures);
        return new ScenarioResult(random.scenario() + " and " + limits.size() + " limit trials",
                random.trials() + limits.size(), random.passed() + passed, random.lost() + serverErrors,
                random.duplicated() + accepted, note);
    }

    /** Null when the answer is what bad input must get; otherwise what is wrong with it. */
    static String verdict(String method, HarnessHttp.Reply reply) {
        String body = reply.body();
        if (body.contains("Exception") || body.contains("at health.")) {
            return "HTTP " + reply.status() + " quotes an exception or stack trace";
        }
        if (reply.status() >= 200 && reply.status() < 300 && "GET".equals(method)) {
            // a free-text filter such as ?lineId=1e99 has no wrong value: an empty answer is right, and reads change
            // nothing
            return null;
        }
        if (reply.status() >= 200 && reply.status() < 300) {
            JsonNode json = parse(body);
            return json != null && json.has("accepted") && json.path("accepted").asInt(-1) == 0 ? null
                    : "HTTP " + reply.status() + " accepted bad input: " + abbreviate(body);
        }
        if (reply.status() < 400 || reply.status() >= 500) {
            return "HTTP " + reply.status() + ": " + abbreviate(body);
        }
        if (!reply.contentType().startsWith("application/problem+json")) {
            return "HTTP " + reply.status() + " as " + reply.contentType() + ", not a problem detail: "
                    + abbreviate(body);
        }
        JsonNode problem = parse(body);
        boolean namesSomething = problem != null && (!problem.path("detail").asString("").isBlank()
                || !problem.path("errors").isEmpty());
        return namesSomething ? null : "HTTP " + reply.status() + " problem names no field or reason: "
                + abbreviate(body);
    }

    private static JsonNode parse(String body) {
        try {
            return HarnessHttp.JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
