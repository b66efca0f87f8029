package health.patchwork.esr.reliability.rest;

import java.util.Map;
import java.util.Random;

import health.patchwork.esr.reliability.HarnessHttp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A value of the shape a schema describes (well-formed, not necessarily acceptable), as the base to break. */
final class SampleValues {

    private final JsonNode schemas;
    private final Random random;

    SampleValues(JsonNode schemas, Random random) {
        this.schemas = schemas;
        this.random = random;
    }

    JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return schemas.path(ref.substring("#/components/schemas/".length()));
        }
        JsonNode first = schema.path("allOf").path(0);
        return first.isMissingNode() ? schema : resolve(first);
    }

    JsonNode sample(JsonNode schema) {
        return sample(schema, 0);
    }

    private JsonNode sample(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = HarnessHttp.JSON.createObjectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                        object.set(p.getKey(), sample(p.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = HarnessHttp.JSON.createArrayNode();
                if (depth < 4) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> HarnessHttp.JSON.getNodeFactory().numberNode(1 + random.nextInt(50));
            case "number" -> HarnessHttp.JSON.getNodeFactory().numberNode(7.5);
            case "boolean" -> HarnessHttp.JSON.getNodeFactory().booleanNode(random.nextBoolean());
            default -> HarnessHttp.JSON.getNodeFactory().stringNode(sampleString(schema));
        };
    }

    private String sampleString(JsonNode schema) {
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").path(random.nextInt(schema.path("enum").size())).asString();
        }
        return switch (schema.path("format").asString("")) {
            case "date" -> "2026-11-20";
            case "date-time" -> "2026-11-20T10:00:00Z";
            default -> schema.path("example").isString() ? schema.path("example").asString() : "X" + random.nextInt(99);
        };
    }
}
