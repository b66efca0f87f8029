package health.patchwork.esr.formats.read;

import health.patchwork.esr.formats.layout.InterfaceLayout;
import health.patchwork.esr.formats.text.DelimitedLineSource;

/**
 * Options of {@link OutboundReader}.
 *
 * @param layout           layouts to read with; null = the bundled layout of the HDR's interface version
 * @param validate         fail fast with {@link health.patchwork.esr.formats.EsrFormatException} on header,
 *                         structure, trailer, field-count and value errors (docs/spec/README.md §6.1 checks 4, 7, 9–13)
 * @param fieldCountPolicy STRICT or TOLERANT
 * @param trailerCountMode what TRL counts
 * @param maxLineLength    longest line accepted, in bytes (bounds memory on a malformed file)
 */
public record ReaderOptions(InterfaceLayout layout, boolean validate, FieldCountPolicy fieldCountPolicy,
                            TrailerCountMode trailerCountMode, int maxLineLength) {

    public ReaderOptions {
        fieldCountPolicy = fieldCountPolicy == null ? FieldCountPolicy.STRICT : fieldCountPolicy;
        trailerCountMode = trailerCountMode == null ? TrailerCountMode.ALL_ROWS : trailerCountMode;
        maxLineLength = maxLineLength <= 0 ? DelimitedLineSource.DEFAULT_MAX_LINE_LENGTH : maxLineLength;
    }

    /** Validating, STRICT, ALL_ROWS, bundled layout. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(null, true, FieldCountPolicy.STRICT, TrailerCountMode.ALL_ROWS, 0);
    }

    public ReaderOptions withLayout(InterfaceLayout newLayout) {
        return new ReaderOptions(newLayout, validate, fieldCountPolicy, trailerCountMode, maxLineLength);
    }

    public ReaderOptions withValidate(boolean newValidate) {
        return new ReaderOptions(layout, newValidate, fieldCountPolicy, trailerCountMode, maxLineLength);
    }

    public ReaderOptions withFieldCountPolicy(FieldCountPolicy policy) {
        return new ReaderOptions(layout, validate, policy, trailerCountMode, maxLineLength);
    }

    public ReaderOptions withTrailerCountMode(TrailerCountMode mode) {
        return new ReaderOptions(layout, validate, fieldCountPolicy, mode, maxLineLength);
    }
}
