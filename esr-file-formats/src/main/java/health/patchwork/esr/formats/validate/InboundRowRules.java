package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.layout.FieldDef;
import health.patchwork.esr.formats.layout.FieldType;
import health.patchwork.esr.formats.layout.Presence;
import health.patchwork.esr.formats.layout.RecordLayout;
import health.patchwork.esr.formats.read.RowProblem;
import health.patchwork.esr.formats.text.ValueSyntax;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Value rules of one inbound data record (ATT, ABS), driven by the layout: presence per operation,
 * quoting, types, allowed values, patterns, lengths; plus the rules the tables state in prose (input-value
 * pairs filled from pair 1 without gaps; the ABS open-ended flag and durations). The writer runs the same
 * rules on each row before writing it, so what we write always validates.
 */
public final class InboundRowRules {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d*|-?\\.\\d+");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");
    private static final Pattern INPUT_DATE_SHAPE = Pattern.compile("\\d{2}-[A-Za-z]{3,4}-\\d{4}");
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    private InboundRowRules() {
    }

    /**
     * Checks values (null = empty) against the layout's first {@code values.length} fields. The field count
     * itself is the caller's concern.
     */
    public static void check(RecordLayout layout, String[] values, boolean[] quoted, Consumer<RowProblem> sink) {
        int operationIndex = layout.indexOf("Operation");
        String operation = operationIndex >= 0 && operationIndex < values.length ? values[operationIndex] : null;
        int n = Math.min(values.length, layout.fields().size());
        for (int i = 1; i < n; i++) {
            checkField(layout.field(i), values[i], quoted != null && quoted[i], operation, sink);
        }
        checkInputValuePairs(layout, values, sink);
        checkOpenEnded(layout, values, operation, sink);
    }

    private static void checkField(FieldDef f, String v, boolean quoted, String operation, Consumer<RowProblem> sink) {
        Presence presence = f.presenceFor(operation);
        if (v == null) {
            if (quoted) {
                sink.accept(invalid(f, "no quotes", "an empty value is written without quotes"));
            }
            if (presence == Presence.REQUIRED) {
                sink.accept(new RowProblem(RowProblem.Kind.MISSING_VALUE, false, f.name(), "non-empty", null,
                        "field '" + f.name() + "' is empty" + (operation == null ? "" : " (required for "
                                + safeOperation(operation) + ")")));
            }
            return;
        }
        if (presence == Presence.MUST_BE_EMPTY) {
            sink.accept(invalid(f, "empty", "must be empty for operation " + safeOperation(operation)));
            return;
        }
        if (f.quoted() != quoted) {
            sink.accept(invalid(f, f.quoted() ? "\"…\"" : "no quotes", f.quoted() ? "must be quoted" : "must not be quoted"));
        }
        if (!v.equals(v.strip())) {
            sink.accept(invalid(f, "no leading or trailing spaces", "has leading or trailing spaces"));
            return;
        }
        String expected = syntaxError(f.type(), v);
        if (expected != null) {
            sink.accept(invalid(f, expected, "is not valid (expected " + expected + ")"));
            return;
        }
        if (!f.allowedValues().isEmpty() && !f.allowedValues().contains(v)) {
            sink.accept(invalid(f, "one of " + String.join(", ", f.allowedValues()), "is not an allowed value"));
        } else if (f.pattern() != null && !PATTERNS.computeIfAbsent(f.pattern(), Pattern::compile).matcher(v).matches()) {
            sink.accept(invalid(f, f.pattern(), "does not match the expected pattern"));
        } else if (f.maxLength() != null && v.length() > f.maxLength()) {
            sink.accept(invalid(f, "at most " + f.maxLength() + " characters", "is too long"));
        }
    }

    private static String safeOperation(String operation) {
        return operation.equals("ADD") || operation.equals("END") || operation.equals("DEL") ? operation : "(invalid)";
    }

    private static RowProblem invalid(FieldDef f, String expected, String what) {
        return new RowProblem(RowProblem.Kind.INVALID_VALUE, false, f.name(), expected, null,
                "field '" + f.name() + "' " + what);
    }

    static String syntaxError(FieldType type, String v) {
        switch (type) {
            case D:
                return ValueSyntax.isDate(v) ? null : "YYYYMMDD";
            case HM:
                return ValueSyntax.isTime(v) ? null : "HH:MM";
            case AMOUNT:
                return ValueSyntax.isAmount(v) ? null : "0.00";
            case TS_COMPACT: {
                byte[] b = ValueSyntax.latin1(v);
                return ValueSyntax.isCompactTimestamp(b, 0, b.length) ? null : "YYYYMMDDHHMMSS";
            }
            case N:
                return ValueSyntax.isNumber(v) ? null : "a number";
            case INPUT_VALUE:
                return inputValueError(v);
            default:
                return null;
        }
    }

    /**
     * An input value is an amount (exactly 2 decimals), a whole number (a correction may negate it), a
     * {@code dd-MMM-yyyy} date, or text. Anything shaped like a decimal or a date must be well formed.
     */
    private static String inputValueError(String v) {
        if (DECIMAL.matcher(v).matches()) {
            return ValueSyntax.isAmount(v) ? null : "0.00";
        }
        if (INPUT_DATE_SHAPE.matcher(v).matches()) {
            return v.length() == 11 && isInputDate(v) ? null : "dd-MMM-yyyy";
        }
        return null;
    }

    private static boolean isInputDate(String v) {
        for (int m = 0; m < 12; m++) {
            if (MONTHS[m].equals(v.substring(3, 6))) {
                String ymd = v.substring(7, 11) + (m < 9 ? "0" : "") + (m + 1) + v.substring(0, 2);
                return ValueSyntax.isDate(ymd);
            }
        }
        return false;
    }

    /** True when a record has numeric input values (amounts, whole numbers) and all of them are zero. */
    public static boolean allNumericInputValuesZero(RecordLayout layout, String[] values) {
        boolean anyNumeric = false;
        for (FieldDef f : layout.fields()) {
            String v = f.index() < values.length && f.type() == FieldType.INPUT_VALUE ? values[f.index()] : null;
            if (v == null || !(ValueSyntax.isAmount(v) || WHOLE.matcher(v).matches())) {
                continue;
            }
            anyNumeric = true;
            if (new BigDecimal(v).signum() != 0) {
                return false;
            }
        }
        return anyNumeric;
    }

    /** Pairs are filled from pair 1 with no gaps; an unnamed pair has no value. */
    private static void checkInputValuePairs(RecordLayout layout, String[] values, Consumer<RowProblem> sink) {
        boolean gapSeen = false;
        for (FieldDef f : layout.fields()) {
            int i = f.index();
            if (f.type() != FieldType.INPUT_VALUE || i >= values.length) {
                continue;
            }
            boolean named = values[i - 1] != null;
            if (!named && values[i] != null) {
                sink.accept(invalid(f, "empty when the input value has no name", "has a value but no name"));
            }
            if (named && gapSeen) {
                sink.accept(invalid(layout.field(i - 1), "input values filled from pair 1 without gaps",
                        "follows an empty input-value pair"));
            }
            gapSeen |= !named;
        }
    }

    /** ABS: the open-ended flag is Y exactly when the end date is empty; durations follow the units. */
    private static void checkOpenEnded(RecordLayout layout, String[] values, String operation,
                                       Consumer<RowProblem> sink) {
        int flag = layout.indexOf("Open Ended Flag");
        int end = layout.indexOf("End Date");
        if (flag < 0 || end < 0 || flag >= values.length || end >= values.length
                || !("ADD".equals(operation) || "END".equals(operation))) {
            return;
        }
        if (values[flag] != null && values[flag].equals("Y") != (values[end] == null)) {
            sink.accept(invalid(layout.field(flag), values[end] == null ? "Y" : "N",
                    "must be Y exactly when the end date is empty"));
        }
        int units = layout.indexOf("Units");
        int days = layout.indexOf("Duration Days");
        int hours = layout.indexOf("Duration Hours");
        if (units < 0 || days < 0 || hours < 0 || units >= values.length || days >= values.length
                || hours >= values.length) {
            return;
        }
        if ("H".equals(values[units]) && values[hours] == null) {
            sink.accept(new RowProblem(RowProblem.Kind.MISSING_VALUE, false, layout.field(hours).name(), "non-empty",
                    null, "field '" + layout.field(hours).name() + "' is empty (required when units are H)"));
        }
        if ("D".equals(values[units]) && values[end] != null && values[days] == null) {
            sink.accept(new RowProblem(RowProblem.Kind.MISSING_VALUE, false, layout.field(days).name(), "non-empty",
                    null, "field '" + layout.field(days).name()
                    + "' is empty (required when units are D and the end date is known)"));
        }
    }
}
