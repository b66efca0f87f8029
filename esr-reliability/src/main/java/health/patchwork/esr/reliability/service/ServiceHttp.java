package health.patchwork.esr.reliability.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to a service of the suite with a bearer token, as the platform and an operator call it. A transport
 * failure (connection refused, timeout) is an answer too ({@link Reply#status()} 0): scenarios count it.
 */
public final class ServiceHttp {

    /** @param status the HTTP status, or 0 when no response came */
    public record Reply(int status, String contentType, JsonNode body) {

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Duration timeout;

    public ServiceHttp(int port, Duration timeout) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.timeout = timeout;
    }

    public Reply get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), token);
    }

    public Reply post(String path, String token, Object body) {
        String json = body == null ? "" : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    private Reply send(HttpRequest.Builder request, String token) {
        try {
            HttpResponse<String> response = client.send(request.header("Authorization", "Bearer " + token)
                    .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
        } catch (IOException e) {
            return new Reply(0, "", JSON.nullNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
