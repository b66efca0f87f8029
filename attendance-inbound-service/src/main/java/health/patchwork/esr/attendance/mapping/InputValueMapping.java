package health.patchwork.esr.attendance.mapping;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import health.patchwork.esr.attendance.config.Latin1Text;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One input value of an element (docs/spec/inbound-files.md §2.2).
 *
 * @param name input-value name in ESR, e.g. {@code Hours}, {@code Date Worked}
 * @param source what fills it: HOURS (the line's quantity), UNITS (the quantity as a count), RATE, AMOUNT, WORK_DATE,
 *               LINE_ID (the platform's line id, for a reference input) or {@code CONSTANT:<text>}
 * @param format how it is written; default by source: DECIMAL_2 for numbers, DATE_DMY for the date, TEXT otherwise
 * @param rounding NONE (to 2 decimals, half up), UP or DOWN (to a whole number)
 */
public record InputValueMapping(
        @NotBlank @Latin1Text String name,
        @NotNull @Pattern(regexp = "HOURS|UNITS|RATE|AMOUNT|WORK_DATE|LINE_ID|CONSTANT:[^\",\r\n]+",
                message = "must be HOURS, UNITS, RATE, AMOUNT, WORK_DATE, LINE_ID or CONSTANT:<text>") String source,
        ValueFormat format,
        @DefaultValue("NONE") @NotNull Rounding rounding) {

    /** Null when {@link #source} is invalid (bean validation reports it). */
    public ValueSource valueSource() {
        return ValueSource.of(source);
    }

    public String constant() {
        return source != null && source.startsWith("CONSTANT:") ? source.substring("CONSTANT:".length()) : null;
    }

    public ValueFormat effectiveFormat() {
        ValueSource s = valueSource();
        return format != null ? format : s == null ? ValueFormat.TEXT : s.defaultFormat();
    }

    /** Bean-validation property "format": the format must suit the source. */
    @AssertTrue(message = "does not suit the source: numbers take DECIMAL_2 or INTEGER, WORK_DATE takes DATE_DMY,"
            + " LINE_ID and CONSTANT take TEXT")
    public boolean isFormat() {
        ValueSource s = valueSource();
        return s == null || format == null || s.accepts(format);
    }
}
