package health.patchwork.esr.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP as the platform or an operator calls the services, raw enough to send bytes that are not JSON at all. */
public final class HarnessHttp {

    /** An answer: status, Content-Type (empty when none) and body text. */
    public record Reply(int status, String contentType, String body) {

        public JsonNode json() {
            return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }
    }

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Reply get(String url, String token) {
        return send("GET", url, token, null, null);
    }

    public Reply postJson(String url, String token, Object body) {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        return send("POST", url, token, "application/json", bytes);
    }

    /** Any method and body; {@code contentType} null sends none. Throws when the connection fails. */
    public Reply send(String method, String url, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
