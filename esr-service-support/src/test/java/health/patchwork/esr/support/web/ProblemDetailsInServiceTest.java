package health.patchwork.esr.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.sftp.SftpTestConfiguration;

import org.junit.jupiter.api.Test;
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

/** With Boot's own JSON set-up, as a service runs: problem details carry their extra members, unknown fields fail. */
@SpringBootTest(classes = ProblemDetailsInServiceTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // no database here: the shared defaults name one, and Flyway would try to migrate it at start-up
        properties = {"esr.trust.vpd=123", "spring.flyway.enabled=false"})
@Import(SftpTestConfiguration.class)
class ProblemDetailsInServiceTest {

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
            return "ok";
        }
    }

    @LocalServerPort
    int port;

    private RestClient client() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.platform()).build();
    }

    private ResponseEntity<String> post(String body) {
        return client().post().uri("/api/items")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { })
                .toEntity(String.class);
    }

    @Test
    void unknownFieldsAreRefusedWithTheirName() {
        ResponseEntity<String> response = post("[{\"id\":\"1\",\"surname\":\"x\"}]");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).contains("\"field\":\"[0].surname\"").contains("unknown field");
    }

    @Test
    void anUnknownPathIsAProblemDetailToo() {
        ResponseEntity<String> response = post("[]");
        assertThat(response.getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> missing = client().get().uri("/api/nowhere")
                .retrieve().onStatus(HttpStatusCode::isError, (request, r) -> { }).toEntity(String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }
}
