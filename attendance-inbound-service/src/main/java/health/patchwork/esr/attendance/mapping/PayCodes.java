package health.patchwork.esr.attendance.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import health.patchwork.esr.formats.write.AttendanceRow;
import health.patchwork.esr.formats.write.Costing;
import health.patchwork.esr.formats.write.InputValue;

import org.springframework.stereotype.Component;

/** The configured pay codes, and how a claim becomes an ATT row (inbound-files.md §2.1–2.3). */
@Component
public class PayCodes {

    private final PayCodeSettings settings;

    public PayCodes(PayCodeSettings settings) {
        this.settings = settings;
    }

    public Optional<PayCodeMapping> find(String payCode) {
        return Optional.ofNullable(payCode == null ? null : settings.payCodes().get(payCode));
    }

    public String elementOf(String payCode) {
        return find(payCode).map(PayCodeMapping::element).orElse(payCode);
    }

    /** True when every numeric input value of the claim would be written as zero (such rows are never sent). */
    public boolean allNumericZero(ClaimValues claim) {
        PayCodeMapping mapping = find(claim.payCode()).orElseThrow();
        boolean anyNumeric = false;
        for (InputValueMapping iv : mapping.inputValues()) {
            if (iv.valueSource().numeric()) {
                anyNumeric = true;
                BigDecimal v = numeric(iv, claim);
                if (v != null && iv.rounding().apply(v, iv.effectiveFormat()).signum() != 0) {
                    return false;
                }
            }
        }
        return anyNumeric;
    }

    /**
     * The ATT row for a claim; {@code reversal} negates every numeric value and keeps the rest (same element,
     * assignment, earned date, input-value names and non-numeric values).
     */
    public AttendanceRow row(ClaimValues claim, LocalDate effectiveDate, boolean reversal) {
        PayCodeMapping mapping = find(claim.payCode()).orElseThrow(() -> new IllegalStateException(
                "pay code " + claim.payCode() + " is no longer mapped (esr.attendance.pay-codes)"));
        List<InputValue> values = new ArrayList<>(mapping.inputValues().size());
        for (InputValueMapping iv : mapping.inputValues()) {
            values.add(new InputValue(iv.name(), value(iv, claim, reversal)));
        }
        return new AttendanceRow(effectiveDate, null, claim.assignmentNumber(), claim.earnedDate(),
                mapping.element(), values, claim.costCentre() == null ? Costing.NONE
                        : Costing.costCentre(claim.costCentre()));
    }

    private static Object value(InputValueMapping iv, ClaimValues claim, boolean reversal) {
        ValueSource source = iv.valueSource();
        if (source.numeric()) {
            BigDecimal v = numeric(iv, claim);
            if (v == null) {
                return null;
            }
            BigDecimal rounded = iv.rounding().apply(v, iv.effectiveFormat());
            if (reversal) {
                rounded = rounded.negate();
            }
            return iv.effectiveFormat() == ValueFormat.INTEGER ? (Object) rounded.longValueExact() : rounded;
        }
        return switch (source) {
            case WORK_DATE -> claim.earnedDate();
            case LINE_ID -> claim.lineId();
            case CONSTANT -> iv.constant();
            default -> throw new IllegalStateException(source.name());
        };
    }

    private static BigDecimal numeric(InputValueMapping iv, ClaimValues claim) {
        return switch (iv.valueSource()) {
            case HOURS, UNITS -> claim.quantity();
            case RATE -> claim.rate();
            case AMOUNT -> claim.amount();
            default -> null;
        };
    }
}
