package health.patchwork.esr.outbound.load;

import java.util.Arrays;
import java.util.Optional;

/**
 * The record types this service stores (outbound-rostering.md §3 "store"), each with its table in the
 * {@code workforce} schema and the name it carries in the change feed. Every table has the same generic columns
 * (V3__workforce_tables.sql), so one merge serves them all.
 */
public enum StoredType {
    PERSON("PR", "person", true),
    ASSIGNMENT("AS", "assignment", true),
    POSITION("PO", "position", true),
    ORGANISATION("OR", "organisation", false),
    LOCATION("LC", "location", false),
    COSTING("CO", "costing", false),
    ABSENCE("AB", "absence", false),
    COMPETENCY("CM", "competency", false),
    COMPETENCE("CD", "competence", false),
    QUALIFICATION("QL", "qualification", false),
    PERSON_EXTRA_INFO("ET", "person_extra_info", false),
    SPECIAL_INFORMATION("ST", "special_information", false);

    private final String entityCode;
    private final String table;
    private final boolean dateTracked;

    StoredType(String entityCode, String table, boolean dateTracked) {
        this.entityCode = entityCode;
        this.table = table;
        this.dateTracked = dateTracked;
    }

    public String entityCode() {
        return entityCode;
    }

    /** Table name in the workforce schema; a constant, so safe to put into SQL text. */
    public String table() {
        return table;
    }

    /** PR, AS, PO: keyed by ID + effective start + effective end (README §7.3). */
    public boolean dateTracked() {
        return dateTracked;
    }

    public static Optional<StoredType> byEntityCode(String code) {
        return Arrays.stream(values()).filter(t -> t.entityCode.equals(code)).findFirst();
    }
}
