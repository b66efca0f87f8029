package health.patchwork.esr.attendance;

import org.springframework.http.HttpStatusCode;
import health.patchwork.esr.testsupport.security.TestTokens;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's REST API as a client sees it: status and parsed body, errors included. */
public final class Api {

    public record Response(int status, JsonNode body, String contentType) {
        public String text(String pointer) {
            return body.at(pointer).asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final RestClient client;

    public Api(int port) {
        this(port, TestTokens.platformAndOperator());
    }

    /** Calls with this bearer token, or none when it is null. */
    public Api(int port, String token) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://127.0.0.1:" + port);
        if (token != null) {
            builder.defaultHeader("Authorization", "Bearer " + token);
        }
        this.client = builder
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    public Response post(String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((request, response) -> read(response));
    }

    public Response get(String path) {
        return client.get().uri(path).exchange((request, response) -> read(response));
    }

    public Response delete(String path) {
        return client.delete().uri(path).exchange((request, response) -> read(response));
    }

    private static Response read(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response)
            throws java.io.IOException {
        byte[] bytes = response.getBody().readAllBytes();
        JsonNode body = bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
        MediaType type = response.getHeaders().getContentType();
        return new Response(response.getStatusCode().value(), body, type == null ? null : type.toString());
    }

    /** A line as JSON; null values are left out. */
    public static String line(String lineId, String assignment, String date, String payCode, String quantity) {
        return "{\"lineId\":\"" + lineId + "\",\"assignmentNumber\":\"" + assignment + "\",\"dateWorked\":\"" + date
                + "\",\"payCode\":\"" + payCode + "\",\"quantity\":" + quantity + "}";
    }

    public static String batch(String... lines) {
        return "{\"lines\":[" + String.join(",", lines) + "]}";
    }
}
