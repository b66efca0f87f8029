package health.patchwork.esr.absence.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import health.patchwork.esr.testsupport.postgres.PostgresTestConfiguration;
import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.sftp.SftpTestConfiguration;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * One Spring context for every test of this service (real PostgreSQL, real SFTP mailbox), reset to an empty absence
 * schema, four published assignments and an empty mailbox before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "esr.trust.vpd=123",
        "esr.absence.reference-prefix=PWH-",
        "esr.absence.export-schedule=-",
        "esr.absence.reconcile-interval=1d",
        "esr.absence.work-dir=target/absence-work"})
@Import({PostgresTestConfiguration.class, SftpTestConfiguration.class, AbsenceTestConfiguration.class})
public abstract class AbsenceServiceTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected EmbeddedSftpServer mailbox;

    @Autowired
    protected CrashSwitch crash;

    /** Leaves no half-sent file for applications other test classes start on the same database to recover. */
    @AfterEach
    void emptyLedger() {
        jdbc.execute("truncate absence.export_row, absence.absence, absence.finalised_period, absence.export_file,"
                + " absence.notification_delivery, absence.notification_event restart identity cascade");
    }

    @BeforeEach
    void resetState() throws IOException {
        emptyLedger();
        jdbc.execute("truncate workforce.published_assignment, workforce.published_absence");
        for (String assignment : new String[] {"20000001", "20000001-2", "20000002", "20000003"}) {
            jdbc.update("insert into workforce.published_assignment (assignment_id, assignment_number, person_id,"
                    + " effective_start, effective_end, assignment_status) values (?, ?, ?, date '2020-01-01', null,"
                    + " 'Active Assignment')", "A" + assignment, assignment, "P" + assignment.substring(0, 8));
        }
        clock.set(AbsenceTestConfiguration.START);
        crash.disarm();
        for (Path folder : new Path[] {mailbox.resolve("/in"), Path.of("target/absence-work/outgoing")}) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    protected Response post(String path, String json) {
        return call(client().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json));
    }

    protected Response put(String path, String json) {
        return call(client().put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json));
    }

    protected Response post(String path) {
        return call(client().post().uri(path));
    }

    protected Response get(String path) {
        return call(client().get().uri(path));
    }

    private RestClient client() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.platformAndOperator()).build();
    }

    private static Response call(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, res) -> {
            HttpStatusCode status = res.getStatusCode();
            try {
                return new Response(status.value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Remote files the service has published in the mailbox's inbound folder. */
    protected java.util.List<String> inboundFiles() throws IOException {
        try (Stream<Path> files = Files.list(mailbox.resolve("/in"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The records of a published AB file, as text (ISO-8859-1, split at CR). */
    protected java.util.List<String> records(String fileName) throws IOException {
        return java.util.List.of(Files.readString(mailbox.resolve("/in/" + fileName), StandardCharsets.ISO_8859_1)
                .split("\r"));
    }

    /** An HTTP answer: status and body text; {@link #json} reads a JSON path. */
    public record Response(int status, String body) {

        public <T> T json(String path) {
            return com.jayway.jsonpath.JsonPath.read(body, path);
        }
    }
}
