package health.patchwork.esr.reliability.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import health.patchwork.esr.reliability.HarnessHttp;
import health.patchwork.esr.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/** Every {@code /api} operation that takes input, read from the running service's own {@code /v3/api-docs}. */
final class OpenApiOperations {

    private OpenApiOperations() {
    }

    /** The operations and the document's component schemas, for resolving {@code $ref}s. */
    record Document(List<ApiOperation> operations, JsonNode schemas) {
    }

    static Document read(HarnessHttp http, String service, String baseUrl) {
        HarnessHttp.Reply reply = http.get(baseUrl + "/v3/api-docs", TestTokens.platformAndOperator());
        if (reply.status() != 200) {
            throw new IllegalStateException(service + " has no OpenAPI document: HTTP " + reply.status());
        }
        JsonNode document = reply.json();
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                ApiOperation op = new ApiOperation(service, baseUrl, method, path.getKey(),
                        parameters(operation.getValue()), bodySchema(operation.getValue()));
                boolean writes = List.of("POST", "PUT", "PATCH").contains(method);
                if ((writes || "GET".equals(method)) && op.takesInput()) {
                    operations.add(op);
                }
            }
        }
        return new Document(operations, document.path("components").path("schemas"));
    }

    private static List<ApiOperation.Parameter> parameters(JsonNode operation) {
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        for (JsonNode p : operation.path("parameters")) {
            String in = p.path("in").asString("");
            if (in.equals("path") || in.equals("query")) {
                parameters.add(new ApiOperation.Parameter(p.path("name").asString(), in,
                        p.path("required").asBoolean(false), p.path("schema")));
            }
        }
        return parameters;
    }

    private static JsonNode bodySchema(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            if (media.getKey().contains("json")) {
                return media.getValue().path("schema");
            }
        }
        return null;
    }
}
