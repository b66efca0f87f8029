package health.patchwork.esr.absence.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import health.patchwork.esr.absence.intake.AbsenceIntake;
import health.patchwork.esr.absence.support.AbsenceServiceTest;
import health.patchwork.esr.support.export.FileExporter;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Log lines name the request they serve (MDC "request", from the caller's X-Request-Id) and the file and period an
 * export is about (MDC "file", "period"): what the structured log formats carry to a Trust's log platform.
 */
class LogContextTest extends AbsenceServiceTest {

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final List<Logger> watched = List.of((Logger) LoggerFactory.getLogger(AbsenceIntake.class),
            (Logger) LoggerFactory.getLogger(FileExporter.class));

    @BeforeEach
    void watch() {
        events.start();
        watched.forEach(logger -> logger.addAppender(events));
    }

    @AfterEach
    void unwatch() {
        watched.forEach(logger -> logger.detachAppender(events));
    }

    @Test
    void aRequestsLinesCarryTheCallersRequestIdAndAnExportsLinesItsFileAndPeriod() {
        clock.set(Instant.parse("2026-11-01T10:00:00Z"));
        ResponseEntity<String> posted = client().post().uri("/api/v1/absences").header("X-Request-Id", "platform-42")
                .contentType(MediaType.APPLICATION_JSON).body(AbsenceExportTest.batch(AbsenceExportTest.SICK_127))
                .retrieve().toEntity(String.class);
        assertThat(posted.getHeaders().getFirst("X-Request-Id")).isEqualTo("platform-42");
        assertThat(event("Absence batch").getMDCPropertyMap()).containsEntry("request", "platform-42");

        post("/api/v1/periods/M2707/finalise");

        assertThat(event("Generated").getMDCPropertyMap()).containsEntry("file", "AB_123_PWH_MN2707_00000001.DAT")
                .containsEntry("period", "M2707").containsKey("request");
        assertThat(event("Uploaded").getMDCPropertyMap()).containsEntry("file", "AB_123_PWH_MN2707_00000001.DAT");
    }

    @Test
    void aRequestIdThatIsNotAPlainTokenIsReplacedNotLogged() {
        ResponseEntity<String> answer = client().get().uri("/api/v1/absences/A000999")
                .header("X-Request-Id", "has spaces and \"quotes\"").retrieve()
                .onStatus(status -> true, (request, response) -> { }).toEntity(String.class);

        assertThat(answer.getHeaders().getFirst("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    private ILoggingEvent event(String messageStart) {
        return events.list.stream().filter(e -> e.getFormattedMessage().startsWith(messageStart)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no log line starting " + messageStart));
    }

    private RestClient client() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.platformAndOperator()).build();
    }
}
