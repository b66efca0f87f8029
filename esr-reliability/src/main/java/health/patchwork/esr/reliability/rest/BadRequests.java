package health.patchwork.esr.reliability.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import health.patchwork.esr.reliability.HarnessHttp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates bad requests for an operation with a seeded Random: malformed JSON (truncated, wrong brackets, invalid
 * UTF-8, not JSON, empty, a bare null), wrong types, nulls, huge strings, huge batches, unknown fields, the wrong
 * media type, and bad path and query parameters.
 */
final class BadRequests {

    private static final String[] BODY_KINDS = {"truncated JSON", "wrong brackets", "invalid UTF-8", "not JSON",
        "empty body", "null body", "wrong type", "null field", "huge string", "unknown field", "wrong media type",
        "bad path or query parameter", "huge batch"};
    private static final String[] JUNK_PARAMETERS = {"%00", "..%2F..%2Fetc", "%E2%82", "%FF%FE", "'%20or%201=1--",
        "%CE%A9%C3%A9", "-1", "99999999999999999999", "1e99", "%20", "null", "%7B%7D", "abc", "A".repeat(600)};
    /**
     * Tomcat refuses an encoded slash, NUL or broken percent-encoding in the path with its own HTML 400 before any
     * application code runs (docs/reliability.md, "Not yet measured"): such paths are left out, query strings not.
     */
    private static final String[] JUNK_PATH_SEGMENTS = {"'%20or%201=1--", "%CE%A9%C3%A9", "-1",
        "99999999999999999999", "1e99", "%20", "null", "%7B%7D", "abc", "A".repeat(600)};

    private final Random random;
    private final int hugeBatchItems;

    BadRequests(Random random, int hugeBatchItems) {
        this.random = random;
        this.hugeBatchItems = hugeBatchItems;
    }

    BadRequest next(ApiOperation op, SampleValues samples, boolean allowHugeBatch) {
        if (op.bodySchema() == null) {
            return new BadRequest(op, "bad path or query parameter", op.method(), url(op, true), null, null);
        }
        int kinds = allowHugeBatch ? BODY_KINDS.length : BODY_KINDS.length - 1;
        String kind = BODY_KINDS[random.nextInt(kinds)];
        if (kind.equals("bad path or query parameter") && op.parameters().isEmpty()) {
            kind = "unknown field";
        }
        JsonNode valid = samples.sample(op.bodySchema());
        String json = HarnessHttp.JSON.writeValueAsString(valid);
        byte[] body = switch (kind) {
            case "truncated JSON" -> json.substring(0, Math.max(1, random.nextInt(Math.max(1, json.length()))))
                    .getBytes(StandardCharsets.UTF_8);
            case "wrong brackets" -> json.replaceFirst("[\\[{]", random.nextBoolean() ? "[" : "{")
                    .replaceFirst("[\\]}]$", random.nextBoolean() ? "]" : ")").getBytes(StandardCharsets.UTF_8);
            case "invalid UTF-8" -> invalidUtf8(json);
            case "not JSON" -> "<lines><line/></lines>".getBytes(StandardCharsets.UTF_8);
            case "empty body" -> new byte[0];
            case "null body" -> "null".getBytes(StandardCharsets.UTF_8);
            case "wrong type" -> bytes(replaceLeaf(valid, wrongType(random)));
            case "null field" -> bytes(replaceLeaf(valid, HarnessHttp.JSON.nullNode()));
            case "huge string" -> bytes(replaceLeaf(valid,
                    HarnessHttp.JSON.getNodeFactory().stringNode("Z".repeat(1 + random.nextInt(3_000_000)))));
            case "unknown field" -> bytes(withUnknownField(valid));
            case "huge batch" -> bytes(hugeBatch(valid));
            default -> json.getBytes(StandardCharsets.UTF_8);
        };
        String contentType = kind.equals("wrong media type") ? "text/plain" : "application/json";
        return new BadRequest(op, kind, op.method(), url(op, kind.equals("bad path or query parameter")),
                contentType, body);
    }

    /** The operation's URL with sample or, when {@code junk}, broken parameters. */
    private String url(ApiOperation op, boolean junk) {
        String path = op.path();
        List<String> query = new ArrayList<>();
        int broken = junk && !op.parameters().isEmpty() ? random.nextInt(op.parameters().size()) : -1;
        for (int i = 0; i < op.parameters().size(); i++) {
            ApiOperation.Parameter p = op.parameters().get(i);
            String[] junkValues = p.in().equals("path") ? JUNK_PATH_SEGMENTS : JUNK_PARAMETERS;
            String value = i == broken ? junkValues[random.nextInt(junkValues.length)] : sample(p);
            if (p.in().equals("path")) {
                path = path.replace("{" + p.name() + "}", value);
            } else if (i != broken || random.nextInt(4) > 0) {
                // a broken query parameter is sometimes left out instead, which matters when it is required
                query.add(p.name() + "=" + value);
            }
        }
        return op.baseUrl() + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    private String sample(ApiOperation.Parameter p) {
        String type = p.schema().path("type").asString("string");
        String value = switch (type) {
            case "integer" -> String.valueOf(1 + random.nextInt(20));
            case "boolean" -> "true";
            default -> p.schema().path("enum").isArray() ? p.schema().path("enum").path(0).asString()
                    : "X" + random.nextInt(99);
        };
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private byte[] invalidUtf8(String json) {
        byte[] plain = json.getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(plain.length + 1);
        byte[] broken = new byte[plain.length + 2];
        System.arraycopy(plain, 0, broken, 0, at);
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) (random.nextBoolean() ? 0x28 : 0xFF);
        System.arraycopy(plain, at, broken, at + 2, plain.length - at);
        return broken;
    }

    private static JsonNode wrongType(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> HarnessHttp.JSON.getNodeFactory().numberNode(12345);
            case 1 -> HarnessHttp.JSON.getNodeFactory().stringNode("not-a-number-or-date");
            case 2 -> HarnessHttp.JSON.createObjectNode().put("nested", true);
            case 3 -> HarnessHttp.JSON.createArrayNode().add(1).add("two");
            default -> HarnessHttp.JSON.getNodeFactory().booleanNode(true);
        };
    }

    /** A copy of {@code node} with one randomly chosen leaf (or the whole body, if it has none) replaced. */
    private JsonNode replaceLeaf(JsonNode node, JsonNode replacement) {
        JsonNode copy = node.deepCopy();
        List<Runnable> setters = new ArrayList<>();
        collectLeaves(copy, replacement, setters);
        if (setters.isEmpty()) {
            return replacement;
        }
        setters.get(random.nextInt(setters.size())).run();
        return copy;
    }

    private static void collectLeaves(JsonNode node, JsonNode replacement, List<Runnable> setters) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> p : object.properties()) {
                String name = p.getKey();
                setters.add(() -> object.set(name, replacement));
                collectLeaves(p.getValue(), replacement, setters);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                setters.add(() -> array.set(index, replacement));
                collectLeaves(array.get(i), replacement, setters);
            }
        }
    }

    private JsonNode withUnknownField(JsonNode valid) {
        JsonNode copy = valid.deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(copy, objects);
        if (objects.isEmpty()) {
            return HarnessHttp.JSON.createObjectNode().put("unexpectedField", 1);
        }
        objects.get(random.nextInt(objects.size())).put("unexpectedField" + random.nextInt(9), "surprise");
        return copy;
    }

    /** The first list in the body filled with {@code hugeBatchItems} copies of its item: a batch of several MB. */
    private JsonNode hugeBatch(JsonNode valid) {
        JsonNode copy = valid.deepCopy();
        ArrayNode list = firstArray(copy);
        if (list == null) {
            return withUnknownField(copy);
        }
        JsonNode item = list.isEmpty() ? HarnessHttp.JSON.createObjectNode() : list.get(0);
        list.removeAll();
        for (int i = 0; i < hugeBatchItems; i++) {
            list.add(item);
        }
        return copy;
    }

    private static ArrayNode firstArray(JsonNode node) {
        if (node instanceof ArrayNode array) {
            return array;
        }
        for (JsonNode child : node) {
            ArrayNode found = firstArray(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (JsonNode child : node) {
            collectObjects(child, objects);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return HarnessHttp.JSON.writeValueAsBytes(node);
    }
}
