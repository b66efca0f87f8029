package health.patchwork.esr.formats.read;

import health.patchwork.esr.formats.layout.InterfaceLayout;
import health.patchwork.esr.formats.text.DelimitedLineSource;

/**
 * Options of {@link OutboundReader}.
 *
 * @param layout           layouts to read with; null = the bundled layout of the HDR's interface version
 * @param validate         fail fast with {@link health.patchwork.esr.formats.EsrFormatException} on header,
 *                         structure, trailer, field-count and value errors (docs/spec/README.md §6.1 checks 4, 7, 9–13)
 * @param fieldCountPolicies per record type: STRICT, TRAILING_EMPTY (the default) or TOLERANT
 * @param trailerCountMode what TRL counts
 * @param maxLineLength    longest line accepted, in bytes (bounds memory on a malformed file)
 */
public record ReaderOptions(InterfaceLayout layout, boolean validate, FieldCountPolicies fieldCountPolicies,
                            TrailerCountMode trailerCountMode, int maxLineLength) {

    public ReaderOptions {
        fieldCountPolicies = fieldCountPolicies == null ? FieldCountPolicies.of(null) : fieldCountPolicies;
        trailerCountMode = trailerCountMode == null ? TrailerCountMode.ALL_ROWS : trailerCountMode;
        maxLineLength = maxLineLength <= 0 ? DelimitedLineSource.DEFAULT_MAX_LINE_LENGTH : maxLineLength;
    }

    /** Validating, TRAILING_EMPTY, ALL_ROWS, bundled layout. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(null, true, FieldCountPolicies.of(null), TrailerCountMode.ALL_ROWS, 0);
    }

    public ReaderOptions withLayout(InterfaceLayout newLayout) {
        return new ReaderOptions(newLayout, validate, fieldCountPolicies, trailerCountMode, maxLineLength);
    }

    public ReaderOptions withValidate(boolean newValidate) {
        return new ReaderOptions(layout, newValidate, fieldCountPolicies, trailerCountMode, maxLineLength);
    }

    public ReaderOptions withFieldCountPolicy(FieldCountPolicy policy) {
        return withFieldCountPolicies(FieldCountPolicies.of(policy));
    }

    public ReaderOptions withFieldCountPolicies(FieldCountPolicies policies) {
        return new ReaderOptions(layout, validate, policies, trailerCountMode, maxLineLength);
    }

    public ReaderOptions withTrailerCountMode(TrailerCountMode mode) {
        return new ReaderOptions(layout, validate, fieldCountPolicies, mode, maxLineLength);
    }
}
