package health.patchwork.esr.formats.layout;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Layout of one record type, e.g. PR (rows {@code PRA} and {@code PRD}), HDR, ATT.
 * Immutable; a class rather than a record because it keeps a name index for fast typed access.
 */
public final class RecordLayout {

    /** {@link #aFieldCount()} of a layout whose rows may have any number of fields (LOV). */
    public static final int VARIABLE = 0;

    private final String entityCode;
    private final String entityName;
    private final ConsumerClass consumer;
    private final boolean suffixed;
    private final int aFieldCount;
    private final int dFieldCount;
    private final boolean dateTracked;
    private final List<String> keyFieldNames;
    private final String ownIdField;
    private final List<FieldDef> fields;
    private final Map<String, Integer> indexByName;
    private final int ownIdIndex;
    private final FieldType[] types;
    private final boolean[] mandatory;

    public RecordLayout(String entityCode, String entityName, ConsumerClass consumer, boolean suffixed,
                        int aFieldCount, int dFieldCount, boolean dateTracked, List<String> keyFieldNames,
                        String ownIdField, List<FieldDef> fields) {
        this.entityCode = Objects.requireNonNull(entityCode, "entityCode");
        this.entityName = entityName;
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.suffixed = suffixed;
        this.aFieldCount = aFieldCount;
        this.dFieldCount = dFieldCount;
        this.dateTracked = dateTracked;
        this.keyFieldNames = List.copyOf(keyFieldNames);
        this.ownIdField = ownIdField;
        this.fields = List.copyOf(fields);
        this.indexByName = new HashMap<>();
        for (int i = 0; i < this.fields.size(); i++) {
            FieldDef f = this.fields.get(i);
            if (f.index() != i) {
                throw invalid("field '" + f.name() + "' has index " + f.index() + ", expected " + i);
            }
            if (indexByName.putIfAbsent(f.name(), i) != null) {
                throw invalid("field name '" + f.name() + "' appears twice");
            }
        }
        if (aFieldCount != VARIABLE && aFieldCount != this.fields.size()) {
            throw invalid("A-row count " + aFieldCount + " but " + this.fields.size() + " fields listed");
        }
        for (String k : this.keyFieldNames) {
            if (!indexByName.containsKey(k)) {
                throw invalid("key field '" + k + "' is not a field");
            }
        }
        if (ownIdField != null && !indexByName.containsKey(ownIdField)) {
            throw invalid("own ID field '" + ownIdField + "' is not a field");
        }
        this.ownIdIndex = ownIdField == null ? -1 : indexByName.get(ownIdField);
        this.types = new FieldType[this.fields.size()];
        this.mandatory = new boolean[this.fields.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = this.fields.get(i).type();
            mandatory[i] = this.fields.get(i).mandatory();
        }
    }

    private EsrFormatException invalid(String why) {
        return new EsrFormatException(ErrorReason.INVALID_LAYOUT, "layout " + entityCode + ": " + why);
    }

    /** Two-letter entity code (PR, AS…) or the full record type of unsuffixed rows (HDR, TRL, LOV, ATT…). */
    public String entityCode() {
        return entityCode;
    }

    public String entityName() {
        return entityName;
    }

    public ConsumerClass consumer() {
        return consumer;
    }

    public boolean isStored() {
        return consumer == ConsumerClass.STORE;
    }

    /** Rows carry an A or D suffix after the entity code. */
    public boolean suffixed() {
        return suffixed;
    }

    /** Fields of an A (or unsuffixed) row, including field 0; {@link #VARIABLE} for LOV. */
    public int aFieldCount() {
        return aFieldCount;
    }

    /** Fields of a short D row (2), 0 when the type has no D rows. */
    public int dFieldCount() {
        return dFieldCount;
    }

    public boolean hasFixedFieldCount() {
        return aFieldCount != VARIABLE;
    }

    /** PR, AS, PO: keyed by ID + effective start + effective end. */
    public boolean dateTracked() {
        return dateTracked;
    }

    public List<String> keyFieldNames() {
        return keyFieldNames;
    }

    /** The entity's own ID (the non-date key field): the second field of a short D row. */
    public String ownIdField() {
        return ownIdField;
    }

    /** Position of {@link #ownIdField()} in an A row, -1 if none. */
    public int ownIdIndex() {
        return ownIdIndex;
    }

    public List<FieldDef> fields() {
        return fields;
    }

    /** Type of the field at a position (array lookup, for per-row loops). */
    public FieldType type(int index) {
        return types[index];
    }

    public boolean isMandatory(int index) {
        return mandatory[index];
    }

    public FieldDef field(int index) {
        return fields.get(index);
    }

    /** Index of a field by name, -1 when the layout has no such field. */
    public int indexOf(String fieldName) {
        Integer i = indexByName.get(fieldName);
        return i == null ? -1 : i;
    }

    public FieldDef field(String fieldName) {
        int i = indexOf(fieldName);
        if (i < 0) {
            throw new EsrFormatException(ErrorReason.UNKNOWN_FIELD,
                    "record type " + entityCode + " has no field '" + fieldName + "'");
        }
        return fields.get(i);
    }

    /** Record type of an add/update row: PRA; or the code itself for unsuffixed types. */
    public String addRecordType() {
        return suffixed ? entityCode + "A" : entityCode;
    }

    /** Record type of a delete row: PRD; null for unsuffixed types. */
    public String deleteRecordType() {
        return suffixed ? entityCode + "D" : null;
    }

    @Override
    public String toString() {
        return "RecordLayout[" + entityCode + " " + entityName + ", " + consumer + ", " + aFieldCount + " fields]";
    }
}
