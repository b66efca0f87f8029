package health.patchwork.esr.attendance.mapping;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import health.patchwork.esr.attendance.config.Latin1Text;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One platform pay code.
 *
 * @param element ESR element name, exactly as the Trust's payroll team gives it
 * @param inputValues the element's input values in order (1 to 15)
 * @param minQuantity smallest quantity (hours or units) accepted on a line
 * @param maxQuantity largest quantity accepted on a line
 * @param workedHours whether a line's quantity is time worked (default), which counts towards the 24 hours an
 *                    assignment can claim for a day; false for an enhancement paid on hours another line claims
 *                    (e.g. unsocial hours on a bank shift), or for units. Not part of the recorded mapping: it decides
 *                    a check before export, not what a row says
 */
public record PayCodeMapping(
        @NotBlank @Latin1Text String element,
        @NotEmpty @Size(max = 15) List<@NotNull @Valid InputValueMapping> inputValues,
        @DefaultValue("0.01") @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal minQuantity,
        @DefaultValue("24") @NotNull @DecimalMax("9999999.99") BigDecimal maxQuantity,
        @DefaultValue("true") boolean workedHours) {

    public PayCodeMapping {
        inputValues = inputValues == null ? List.of() : List.copyOf(inputValues);
    }


    /** Bean-validation property "maxQuantity". */
    @AssertTrue(message = "must not be below min-quantity")
    public boolean isMaxQuantity() {
        return minQuantity == null || maxQuantity == null || maxQuantity.compareTo(minQuantity) >= 0;
    }

    public boolean needs(ValueSource source) {
        return inputValues.stream().anyMatch(v -> v.valueSource() == source);
    }
}
