package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.layout.InterfaceLayout;
import health.patchwork.esr.formats.read.FieldCountPolicies;
import health.patchwork.esr.formats.read.FieldCountPolicy;
import health.patchwork.esr.formats.read.TrailerCountMode;
import health.patchwork.esr.formats.text.DelimitedLineSource;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Per-trust settings of {@link OutboundFileValidator} (docs/spec/README.md §10).
 *
 * @param expectedVpd        {@code trust.vpd}; null = the VPD in the file name
 * @param subFileType        {@code outbound.subFileType}, default RST (check 1)
 * @param acceptedVersions   {@code outbound.acceptedVersions}, default ["01"] (check 8)
 * @param trailerCountMode   {@code outbound.trailerCountMode}, default ALL_ROWS (check 11)
 * @param fieldCountPolicies {@code outbound.fieldCountPolicy} per record type, default TRAILING_EMPTY (check 12)
 * @param lastAppliedRunDate HDR field 5 of the last applied file, for the check-16 warning; null = skip
 * @param layout             {@code outbound.layouts}: a Trust's own layout; null = the bundled layout of the
 *                           header's version
 * @param maxIssues          errors (and warnings) kept in the report; all are counted
 * @param maxLineLength      longest line accepted, in bytes
 */
public record OutboundValidationOptions(String expectedVpd, String subFileType, List<String> acceptedVersions,
                                        TrailerCountMode trailerCountMode, FieldCountPolicies fieldCountPolicies,
                                        LocalDateTime lastAppliedRunDate, InterfaceLayout layout, int maxIssues,
                                        int maxLineLength) {

    public static final String DEFAULT_SUB_FILE_TYPE = "RST";

    public OutboundValidationOptions {
        subFileType = subFileType == null ? DEFAULT_SUB_FILE_TYPE : subFileType;
        acceptedVersions = acceptedVersions == null || acceptedVersions.isEmpty()
                ? List.of("01") : List.copyOf(acceptedVersions);
        trailerCountMode = trailerCountMode == null ? TrailerCountMode.ALL_ROWS : trailerCountMode;
        fieldCountPolicies = fieldCountPolicies == null ? FieldCountPolicies.of(null) : fieldCountPolicies;
        maxIssues = maxIssues <= 0 ? 1000 : maxIssues;
        maxLineLength = maxLineLength <= 0 ? DelimitedLineSource.DEFAULT_MAX_LINE_LENGTH : maxLineLength;
    }

    /** Defaults, checking against this trust's VPD. */
    public static OutboundValidationOptions forVpd(String vpd) {
        return new OutboundValidationOptions(vpd, null, null, null, null, null, null, 0, 0);
    }

    public OutboundValidationOptions withSubFileType(String value) {
        return new OutboundValidationOptions(expectedVpd, value, acceptedVersions, trailerCountMode,
                fieldCountPolicies, lastAppliedRunDate, layout, maxIssues, maxLineLength);
    }

    public OutboundValidationOptions withAcceptedVersions(List<String> value) {
        return new OutboundValidationOptions(expectedVpd, subFileType, value, trailerCountMode,
                fieldCountPolicies, lastAppliedRunDate, layout, maxIssues, maxLineLength);
    }

    public OutboundValidationOptions withTrailerCountMode(TrailerCountMode value) {
        return new OutboundValidationOptions(expectedVpd, subFileType, acceptedVersions, value,
                fieldCountPolicies, lastAppliedRunDate, layout, maxIssues, maxLineLength);
    }

    public OutboundValidationOptions withFieldCountPolicy(FieldCountPolicy value) {
        return withFieldCountPolicies(FieldCountPolicies.of(value));
    }

    public OutboundValidationOptions withFieldCountPolicies(FieldCountPolicies value) {
        return new OutboundValidationOptions(expectedVpd, subFileType, acceptedVersions, trailerCountMode,
                value, lastAppliedRunDate, layout, maxIssues, maxLineLength);
    }

    public OutboundValidationOptions withLastAppliedRunDate(LocalDateTime value) {
        return new OutboundValidationOptions(expectedVpd, subFileType, acceptedVersions, trailerCountMode,
                fieldCountPolicies, value, layout, maxIssues, maxLineLength);
    }

    public OutboundValidationOptions withLayout(InterfaceLayout value) {
        return new OutboundValidationOptions(expectedVpd, subFileType, acceptedVersions, trailerCountMode,
                fieldCountPolicies, lastAppliedRunDate, value, maxIssues, maxLineLength);
    }

    public OutboundValidationOptions withMaxIssues(int value) {
        return new OutboundValidationOptions(expectedVpd, subFileType, acceptedVersions, trailerCountMode,
                fieldCountPolicies, lastAppliedRunDate, layout, value, maxLineLength);
    }
}
