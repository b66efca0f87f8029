package health.patchwork.esr.formats.read;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The field-count policy of each record type: one default, and overrides by record type, named as in the file
 * ({@code ASA}) or by entity ({@code AS}); an override applies to the entity's A and D rows alike.
 */
public record FieldCountPolicies(FieldCountPolicy defaultPolicy, Map<String, FieldCountPolicy> byEntity) {

    /** The default when nothing is configured: trailing empty fields are drift, anything else is an error. */
    public static final FieldCountPolicy DEFAULT = FieldCountPolicy.TRAILING_EMPTY;

    public FieldCountPolicies {
        defaultPolicy = defaultPolicy == null ? DEFAULT : defaultPolicy;
        Map<String, FieldCountPolicy> entities = new LinkedHashMap<>();
        if (byEntity != null) {
            byEntity.forEach((type, policy) -> entities.put(entity(type), Objects.requireNonNull(policy, type)));
        }
        byEntity = Map.copyOf(entities);
    }

    public static FieldCountPolicies of(FieldCountPolicy policy) {
        return new FieldCountPolicies(policy, Map.of());
    }

    /** The policy of a record layout's rows, by its entity code. */
    public FieldCountPolicy forEntity(String entityCode) {
        return byEntity.getOrDefault(entityCode, defaultPolicy);
    }

    /** {@code ASA}, {@code ASD} or {@code AS}: the entity code {@code AS}. */
    public static String entity(String recordType) {
        String type = Objects.requireNonNull(recordType, "record type").trim();
        if (!type.matches("[A-Z]{2}[AD]?")) {
            throw new IllegalArgumentException("not a record type (ASA, ASD or AS): " + type);
        }
        return type.substring(0, 2);
    }
}
