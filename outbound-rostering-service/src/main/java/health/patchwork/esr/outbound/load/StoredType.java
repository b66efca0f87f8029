package health.patchwork.esr.outbound.load;

import java.util.Arrays;
import java.util.Optional;

/**
 * The record types this service stores (docs/spec/outbound-rostering.md §3 "store"), each with its table in the
 * {@code workforce} schema and the name it carries in the change feed. Every table has the same generic columns
 * (V3__workforce_tables.sql), so one merge serves them all.
 */
public enum StoredType {
    PERSON("PR", "person", true, false),
    ASSIGNMENT("AS", "assignment", true, true),
    POSITION("PO", "position", true, false),
    ORGANISATION("OR", "organisation", false, false),
    LOCATION("LC", "location", false, false),
    COSTING("CO", "costing", false, true),
    ABSENCE("AB", "absence", false, true),
    COMPETENCY("CM", "competency", false, true),
    COMPETENCE("CD", "competence", false, false),
    QUALIFICATION("QL", "qualification", false, true),
    PERSON_EXTRA_INFO("ET", "person_extra_info", false, true),
    SPECIAL_INFORMATION("ST", "special_information", false, true);

    private final String entityCode;
    private final String table;
    private final boolean dateTracked;
    private final boolean personOwned;

    StoredType(String entityCode, String table, boolean dateTracked, boolean personOwned) {
        this.entityCode = entityCode;
        this.table = table;
        this.dateTracked = dateTracked;
        this.personOwned = personOwned;
    }

    /** Rows belong to a person (field 1 Person ID, column {@code person_id}). */
    public boolean personOwned() {
        return personOwned;
    }

    public String entityCode() {
        return entityCode;
    }

    /** The table the merge writes ({@code person_record}); a constant, so safe to put into SQL text. */
    public String table() {
        return table + "_record";
    }

    /** The view that adds the typed columns ({@code person}). */
    public String view() {
        return table;
    }

    /** PR, AS, PO: keyed by ID + effective start + effective end (docs/spec/README.md §7.3). */
    public boolean dateTracked() {
        return dateTracked;
    }

    public static Optional<StoredType> byEntityCode(String code) {
        return Arrays.stream(values()).filter(t -> t.entityCode.equals(code)).findFirst();
    }
}
