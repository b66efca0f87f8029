package health.patchwork.esr.formats.read;

import health.patchwork.esr.formats.layout.FieldDef;
import health.patchwork.esr.formats.layout.FieldType;
import health.patchwork.esr.formats.layout.RecordLayout;
import health.patchwork.esr.formats.text.DelimitedLineSource;
import health.patchwork.esr.formats.text.ValueSyntax;

import java.util.function.Consumer;

/**
 * docs/spec/README.md §6.1 checks 12 (field count) and 13 (key fields present, typed values parse) for one data row.
 * Shared by the validating reader (fails fast) and the validator (collects). Allocates only on problems.
 */
public final class OutboundRowChecker {

    private final FieldCountPolicies policies;

    public OutboundRowChecker(FieldCountPolicies policies) {
        this.policies = policies;
    }

    /**
     * Checks the current line of {@code line}, a data row of a known record type.
     *
     * @return false if an error (not a warning) was reported
     */
    public boolean check(DelimitedLineSource line, RecordLayout layout, Operation op, Consumer<RowProblem> sink) {
        if (!layout.hasFixedFieldCount()) {
            return true;
        }
        int n = line.fieldCount();
        boolean stored = layout.isStored();
        if (op == Operation.DELETE && n == layout.dFieldCount()) {
            if (stored && line.isEmpty(1)) {
                sink.accept(new RowProblem(RowProblem.Kind.MISSING_VALUE, false, layout.ownIdField(), "non-empty",
                        null, "key field '" + layout.ownIdField() + "' is empty"));
                return false;
            }
            return true;
        }
        int expected = layout.aFieldCount();
        if (n != expected) {
            String expectedText = op == Operation.DELETE
                    ? layout.dFieldCount() + " or " + expected : Integer.toString(expected);
            FieldCountPolicy policy = policies.forEntity(layout.entityCode());
            boolean emptyAtTheEnd = onlyEmptyBeyond(line, expected);
            if (stored && n > expected && emptyAtTheEnd && policy != FieldCountPolicy.STRICT) {
                sink.accept(new RowProblem(RowProblem.Kind.TRAILING_EMPTY_FIELDS, true, null, expectedText,
                        Integer.toString(n), "expected " + expectedText + " fields, got " + n
                        + " (tolerated: the " + (n - expected) + " extra field(s) at the end are empty)"));
            } else {
                boolean tolerated = policy == FieldCountPolicy.TOLERANT && emptyAtTheEnd;
                boolean warning = !stored || tolerated;
                sink.accept(new RowProblem(RowProblem.Kind.FIELD_COUNT, warning, null, expectedText,
                        Integer.toString(n), "expected " + expectedText + " fields, got " + n
                        + (warning && stored ? " (tolerated: only empty fields differ at the end)" : "")));
                if (!warning) {
                    return false;
                }
            }
        }
        return !stored || checkValues(line, layout, op, sink);
    }

    private static boolean onlyEmptyBeyond(DelimitedLineSource line, int expected) {
        for (int i = expected; i < line.fieldCount(); i++) {
            if (!line.isEmpty(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean checkValues(DelimitedLineSource line, RecordLayout layout, Operation op,
                                       Consumer<RowProblem> sink) {
        boolean ok = true;
        byte[] b = line.buffer();
        int count = layout.aFieldCount();
        int present = line.fieldCount();
        int ownId = layout.ownIdIndex();
        for (int i = 1; i < count; i++) {
            if (i >= present || line.isEmpty(i)) {
                boolean required = op == Operation.DELETE ? i == ownId : layout.isMandatory(i);
                if (required) {
                    FieldDef f = layout.field(i);
                    sink.accept(new RowProblem(RowProblem.Kind.MISSING_VALUE, false, f.name(), "non-empty", null,
                            (f.key() ? "key field '" : "field '") + f.name() + "' is empty"));
                    ok = false;
                }
                continue;
            }
            FieldType type = layout.type(i);
            if (type == FieldType.X || type == FieldType.ID || type == FieldType.F) {
                continue;
            }
            String expected = syntaxError(type, b, line.start(i), line.end(i));
            if (expected != null) {
                FieldDef f = layout.field(i);
                sink.accept(new RowProblem(RowProblem.Kind.INVALID_VALUE, false, f.name(), expected, null,
                        "field '" + f.name() + "' is not a valid " + describe(type) + " (expected " + expected
                                + ")"));
                ok = false;
            }
        }
        return ok;
    }

    /** The expected format when the value does not parse as its type, else null. */
    static String syntaxError(FieldType type, byte[] b, int s, int e) {
        switch (type) {
            case D:
                return ValueSyntax.isDate(b, s, e) ? null : "YYYYMMDD";
            case T:
                return ValueSyntax.isTimestamp(b, s, e) ? null : "YYYYMMDD HHMMSS";
            case D_T:
                return ValueSyntax.isDate(b, s, e) || ValueSyntax.isTimestamp(b, s, e)
                        ? null : "YYYYMMDD or YYYYMMDD HHMMSS";
            case HM:
                return ValueSyntax.isTime(b, s, e) ? null : "HH:MM";
            case N:
                return ValueSyntax.isNumber(b, s, e) ? null : "a number such as -12.5";
            default:
                return null;
        }
    }

    static String describe(FieldType type) {
        switch (type) {
            case D:
                return "date";
            case T:
                return "timestamp";
            case D_T:
                return "date or timestamp";
            case HM:
                return "time";
            case N:
                return "number";
            default:
                return "value";
        }
    }
}
