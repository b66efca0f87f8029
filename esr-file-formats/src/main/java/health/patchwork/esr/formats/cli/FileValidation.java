package health.patchwork.esr.formats.cli;

import health.patchwork.esr.formats.name.EsrFileKind;
import health.patchwork.esr.formats.validate.FullRefreshRequestValidator;
import health.patchwork.esr.formats.validate.InboundFileValidator;
import health.patchwork.esr.formats.validate.InboundValidationOptions;
import health.patchwork.esr.formats.validate.OutboundFileValidator;
import health.patchwork.esr.formats.validate.OutboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationOutcome;
import health.patchwork.esr.formats.validate.ValidationReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Picks the validator for a file from its name (GO / GDR / TA / AB). */
final class FileValidation {

    private final String vpd;
    private final String subFileType;

    /** @param subFileType null = do not check that GO files are ours (describe) */
    FileValidation(String vpd, String subFileType) {
        this.vpd = vpd;
        this.subFileType = subFileType;
    }

    ValidationReport validate(Path file) {
        String name = file.getFileName().toString();
        EsrFileKind kind = EsrFileKind.of(name);
        try (InputStream in = Files.newInputStream(file)) {
            return switch (kind) {
                case OUTBOUND_FULL, OUTBOUND_CHANGE -> validateOutbound(in, name);
                case FULL_REFRESH_REQUEST -> new FullRefreshRequestValidator(vpd).validate(in, name);
                case TA_INBOUND, AB_INBOUND -> new InboundFileValidator(InboundValidationOptions.forVpd(vpd))
                        .validate(in, name);
                case UNKNOWN -> ValidationReport.fromNameOnly(name, kind, ValidationOutcome.REJECTED_FILE_NAME,
                        "the name follows no ESR file grammar (GO, GDR, TA, AB)");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ValidationReport validateOutbound(InputStream in, String name) {
        OutboundFileValidator validator = new OutboundFileValidator(
                OutboundValidationOptions.forVpd(vpd).withSubFileType(subFileType));
        if (subFileType != null && validator.checkName(name) == ValidationOutcome.IGNORED_NOT_OURS) {
            return ValidationReport.fromNameOnly(name, EsrFileKind.of(name), ValidationOutcome.IGNORED_NOT_OURS,
                    "not a GO file of VPD " + (vpd == null ? "(any)" : vpd) + " and sub-file type " + subFileType
                            + ": left alone");
        }
        return validator.validate(in, name);
    }
}
