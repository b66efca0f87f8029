package health.patchwork.esr.formats.layout;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One field of a record layout.
 *
 * @param index         position in the row; 0 is the record type
 * @param name          field name as in the spec tables; used for typed access
 * @param type          value type
 * @param key           part of the upsert key
 * @param mandatory     must be non-empty (key fields except an open effective end date)
 * @param maxLength     maximum length when the spec gives one ({@code X(n)}), else null
 * @param openEnd       an end date where {@code 47121231} means open (read as null)
 * @param quoted        inbound only: written as {@code "…"}
 * @param allowedValues when not empty, the only values accepted
 * @param pattern       when not null, a regular expression the whole value must match (inbound validation)
 * @param presence      inbound only: presence per operation code (ABS ADD/END/DEL)
 */
public record FieldDef(int index, String name, FieldType type, boolean key, boolean mandatory, Integer maxLength,
                       boolean openEnd, boolean quoted, List<String> allowedValues, String pattern,
                       Map<String, Presence> presence) {

    public FieldDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        presence = presence == null ? Map.of() : Map.copyOf(presence);
    }

    public FieldDef(int index, String name, FieldType type, boolean key, boolean mandatory, Integer maxLength) {
        this(index, name, type, key, mandatory, maxLength, false, false, List.of(), null, Map.of());
    }

    /** Presence for an operation, {@link Presence#OPTIONAL} (or REQUIRED when mandatory) if not listed. */
    public Presence presenceFor(String operation) {
        Presence p = operation == null ? null : presence.get(operation);
        if (p != null) {
            return p;
        }
        return mandatory ? Presence.REQUIRED : Presence.OPTIONAL;
    }
}
