package health.patchwork.esr.outbound.registration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where a professional registration sits in a person extra information (ET) row (docs/spec/outbound-rostering.md §4.11,
 * {@code extraInfo.registrationMapping}). The public sample's mapping is the default; its meanings are inferred, so
 * a Trust whose ESR fills other PEI fields changes these settings, not code. Fields are numbered as in the layout
 * (0 is the record type; 5 is PEI_INFORMATION1; 36 is PEI_ATTRIBUTE1); 5 to 55 are the type-dependent ones.
 *
 * @param informationType ET field 3 of the rows that are registrations
 * @param bodyField registering body, e.g. Nursing and Midwifery Council
 * @param numberField registration number (spaces around it are trimmed)
 * @param registeredFromField registration or start date, text DD/MM/YYYY[ HH:MM[:SS]]
 * @param expiryField expiry or renewal date, same form
 * @param registerPartField register part or specialism
 */
@Validated
@ConfigurationProperties("esr.outbound.registration-mapping")
public record RegistrationMapping(
        @DefaultValue("NHS Regs and Memships") @NotBlank String informationType,
        @DefaultValue("5") @Min(value = 5, message = FIELD) @Max(value = 55, message = FIELD) int bodyField,
        @DefaultValue("6") @Min(value = 5, message = FIELD) @Max(value = 55, message = FIELD) int numberField,
        @DefaultValue("7") @Min(value = 5, message = FIELD) @Max(value = 55, message = FIELD) int registeredFromField,
        @DefaultValue("9") @Min(value = 5, message = FIELD) @Max(value = 55, message = FIELD) int expiryField,
        @DefaultValue("36") @Min(value = 5, message = FIELD) @Max(value = 55, message = FIELD) int registerPartField) {

    static final String FIELD = "must be an ET field number from 5 (PEI_INFORMATION1) to 55 (PEI_ATTRIBUTE20)";
}
