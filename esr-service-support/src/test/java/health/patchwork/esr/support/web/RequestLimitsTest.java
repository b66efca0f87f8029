package health.patchwork.esr.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import health.patchwork.esr.testsupport.http.RawHttp;
import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.sftp.SftpTestConfiguration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are bounded before they are parsed: by Content-Length up front, by counting a chunked body while it
 * is read, and by Jackson's stream-read constraints inside a body that fits. Each answers a problem detail and
 * nothing reaches the controller.
 */
@SpringBootTest(classes = RequestLimitsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"esr.trust.vpd=123", "esr.web.max-request-size=64KB", "esr.web.json.max-string-length=1000",
                // no database here: the shared defaults name one, and Flyway would try to migrate it at start-up
                "spring.flyway.enabled=false"})
@Import(SftpTestConfiguration.class)
class RequestLimitsTest {

    static final AtomicInteger CALLS = new AtomicInteger();

    @SpringBootApplication
    @Import(Items.class)
    static class App {
    }

    record Item(@NotBlank String id) {
    }

    @RestController
    static class Items {
        @PostMapping("/api/items")
        String post(@Valid @RequestBody List<@Valid Item> items) {
            CALLS.incrementAndGet();
            return "ok";
        }

        @PostMapping("/api/anything")
        String anything(@RequestBody Map<String, Object> body) {
            CALLS.incrementAndGet();
            return "ok";
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void reset() {
        CALLS.set(0);
    }

    private ResponseEntity<String> post(String path, String body) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.platform()).build()
                .post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { })
                .toEntity(String.class);
    }

    private static String items(int count) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"item-").append(i).append("\"}");
        }
        return body.append(']').toString();
    }

    @Test
    void aBodyUnderTheLimitIsRead() {
        ResponseEntity<String> response = post("/api/items", items(1000));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(CALLS).hasValue(1);
    }

    @Test
    void aContentLengthOverTheLimitIsRefusedBeforeAnythingIsRead() {
        ResponseEntity<String> response = post("/api/items", items(5000));

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).contains("\"type\":\"urn:esr-suite:problem:request-too-large\"")
                .contains("\"field\":\"body\"").contains("esr.web.max-request-size").doesNotContain("trace");
        assertThat(CALLS).hasValue(0);
    }

    @Test
    void aChunkedBodyIsCutOffOnceItPassesTheLimit() throws Exception {
        RawHttp.Response response = RawHttp.postChunked("127.0.0.1", port, "/api/items",
                "Bearer " + TestTokens.platform(), "[", "{\"id\":\"x\"},", 1_000_000, "{\"id\":\"x\"}]");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("urn:esr-suite:problem:request-too-large").contains("\"field\":\"body\"");
        assertThat(CALLS).hasValue(0);
    }

    @Test
    void aDeeplyNestedBodyIsA400NamingTheLimit() {
        String deep = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";

        ResponseEntity<String> response = post("/api/anything", deep);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).contains("\"field\":\"body\"").contains("nesting depth")
                .doesNotContain("trace").doesNotContain("StreamReadConstraints");
        assertThat(CALLS).hasValue(0);
    }

    @Test
    void aTooLongStringOrNumberIsA400() {
        ResponseEntity<String> string = post("/api/items", "[{\"id\":\"" + "x".repeat(2000) + "\"}]");
        ResponseEntity<String> number = post("/api/anything", "{\"n\":" + "9".repeat(500) + "}");

        assertThat(string.getStatusCode().value()).isEqualTo(400);
        assertThat(string.getBody()).contains("exceeds a JSON limit").doesNotContain("xxxxxxxxxx");
        assertThat(number.getStatusCode().value()).isEqualTo(400);
        assertThat(number.getBody()).contains("exceeds a JSON limit").doesNotContain("9999999999");
        assertThat(CALLS).hasValue(0);
    }

    @Test
    void bootsMapperCarriesTheConstraintsAndItsCustomizations() {
        var constraints = json.tokenStreamFactory().streamReadConstraints();

        assertThat(constraints.getMaxNestingDepth()).isEqualTo(32);
        assertThat(constraints.getMaxStringLength()).isEqualTo(1000);
        assertThat(constraints.getMaxNumberLength()).isEqualTo(100);
        assertThat(constraints.getMaxDocumentLength()).isEqualTo(64L * 1024 * 1024);
        // Boot's customizers still ran: spring.jackson.deserialization.fail-on-unknown-properties from the defaults
        assertThat(post("/api/items", "[{\"id\":\"1\",\"surname\":\"x\"}]").getBody()).contains("unknown field");
    }
}
