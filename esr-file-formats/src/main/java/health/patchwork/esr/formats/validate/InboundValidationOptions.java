package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.layout.InterfaceLayout;

/**
 * Settings of {@link InboundFileValidator} (docs/spec/README.md §10, docs/spec/inbound-files.md §1).
 *
 * @param expectedVpd         {@code trust.vpd}; null = the VPD in the file name
 * @param sourceSystemCode    {@code inbound.sourceSystemCode}; null = the code in the file name
 * @param attColumnCount      {@code inbound.attColumnCount}: 43 (default) or 40
 * @param recordSeparator     {@code inbound.recordSeparator}, default CR
 * @param terminateLastRecord {@code inbound.terminateLastRecord}, default false
 * @param taLayout            ATT layout; null = bundled
 * @param absenceLayout       {@code inbound.absence.layout}: ABS layout; null = bundled
 * @param maxIssues           errors (and warnings) kept in the report
 */
public record InboundValidationOptions(String expectedVpd, String sourceSystemCode, int attColumnCount,
                                       String recordSeparator, boolean terminateLastRecord,
                                       InterfaceLayout taLayout, InterfaceLayout absenceLayout, int maxIssues) {

    public InboundValidationOptions {
        attColumnCount = attColumnCount <= 0 ? 43 : attColumnCount;
        recordSeparator = recordSeparator == null ? "\r" : recordSeparator;
        taLayout = taLayout == null ? InterfaceLayout.taInbound() : taLayout;
        absenceLayout = absenceLayout == null ? InterfaceLayout.absenceInbound() : absenceLayout;
        maxIssues = maxIssues <= 0 ? 1000 : maxIssues;
    }

    public static InboundValidationOptions defaults() {
        return new InboundValidationOptions(null, null, 43, "\r", false, null, null, 0);
    }

    public static InboundValidationOptions forVpd(String vpd) {
        return defaults().withExpectedVpd(vpd);
    }

    public InboundValidationOptions withExpectedVpd(String value) {
        return new InboundValidationOptions(value, sourceSystemCode, attColumnCount, recordSeparator,
                terminateLastRecord, taLayout, absenceLayout, maxIssues);
    }

    public InboundValidationOptions withSourceSystemCode(String value) {
        return new InboundValidationOptions(expectedVpd, value, attColumnCount, recordSeparator,
                terminateLastRecord, taLayout, absenceLayout, maxIssues);
    }

    public InboundValidationOptions withAttColumnCount(int value) {
        return new InboundValidationOptions(expectedVpd, sourceSystemCode, value, recordSeparator,
                terminateLastRecord, taLayout, absenceLayout, maxIssues);
    }

    public InboundValidationOptions withTerminateLastRecord(boolean value) {
        return new InboundValidationOptions(expectedVpd, sourceSystemCode, attColumnCount, recordSeparator,
                value, taLayout, absenceLayout, maxIssues);
    }
}
