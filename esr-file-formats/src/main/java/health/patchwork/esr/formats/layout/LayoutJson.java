package health.patchwork.esr.formats.layout;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the layout JSON format (see the bundled resources) into {@link InterfaceLayout}. */
final class LayoutJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private LayoutJson() {
    }

    static InterfaceLayout read(InputStream in, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new EsrFormatException(ErrorReason.INVALID_LAYOUT, "layout " + source + " is not valid JSON",
                    null, 0, null, null, e);
        }
        String delimiter = required(root, "delimiter", source).asString();
        if (delimiter.length() != 1) {
            throw bad(source, "delimiter must be one character");
        }
        List<RecordLayout> records = new ArrayList<>();
        for (JsonNode r : required(root, "records", source)) {
            records.add(record(r, source));
        }
        return new InterfaceLayout(required(root, "interfaceName", source).asString(),
                required(root, "version", source).asString(), delimiter.charAt(0), records);
    }

    private static RecordLayout record(JsonNode r, String source) {
        String code = required(r, "entityCode", source).asString();
        List<FieldDef> fields = new ArrayList<>();
        for (JsonNode f : required(r, "fields", source)) {
            fields.add(field(f, source + " " + code));
        }
        List<String> keys = new ArrayList<>();
        r.path("keyFields").forEach(k -> keys.add(k.asString()));
        ConsumerClass consumer;
        try {
            consumer = ConsumerClass.valueOf(required(r, "consumer", source).asString());
        } catch (IllegalArgumentException e) {
            throw bad(source, code + ": unknown consumer class");
        }
        return new RecordLayout(code, r.path("entityName").asString(code), consumer,
                r.path("suffixed").asBoolean(false), r.path("aFieldCount").asInt(fields.size()),
                r.path("dFieldCount").asInt(0), r.path("dateTracked").asBoolean(false), keys,
                r.hasNonNull("ownIdField") ? r.get("ownIdField").asString() : null, fields);
    }

    private static FieldDef field(JsonNode f, String where) {
        String name = required(f, "name", where).asString();
        FieldType type;
        try {
            type = FieldType.valueOf(required(f, "type", where).asString());
        } catch (IllegalArgumentException e) {
            throw bad(where, "field '" + name + "' has an unknown type");
        }
        List<String> allowed = new ArrayList<>();
        f.path("allowedValues").forEach(v -> allowed.add(v.asString()));
        Map<String, Presence> presence = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : f.path("presence").properties()) {
            presence.put(e.getKey(), Presence.fromCode(e.getValue().asString()));
        }
        return new FieldDef(required(f, "index", where).asInt(), name, type, f.path("key").asBoolean(false),
                f.path("mandatory").asBoolean(false), f.hasNonNull("maxLength") ? f.get("maxLength").asInt() : null,
                f.path("openEnd").asBoolean(false), f.path("quoted").asBoolean(false), allowed,
                f.hasNonNull("pattern") ? f.get("pattern").asString() : null, presence);
    }

    private static JsonNode required(JsonNode node, String property, String where) {
        JsonNode v = node.get(property);
        if (v == null || v.isNull()) {
            throw bad(where, "missing '" + property + "'");
        }
        return v;
    }

    private static EsrFormatException bad(String where, String why) {
        return new EsrFormatException(ErrorReason.INVALID_LAYOUT, "layout " + where + ": " + why);
    }
}
