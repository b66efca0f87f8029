package health.patchwork.esr.attendance.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import health.patchwork.esr.formats.write.AttendanceRow;
import health.patchwork.esr.formats.write.Costing;
import health.patchwork.esr.formats.write.InputValue;


/** The configured pay codes, and how a claim becomes an ATT row (docs/spec/inbound-files.md §2.1–2.3). */
public class PayCodes {

    private final Map<String, PayCodeMapping> byCode = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final boolean blankEarnedDate;
    private final PayCodeVersions versions;

    public PayCodes(PayCodeSettings settings) {
        this(settings, false, null);
    }

    /**
     * @param blankEarnedDate {@code inbound.earnedDate=BLANK}: ATT field 5 left empty
     * @param versions the recorded mappings, so that a claim is written with the mapping it was accepted under
     */
    public PayCodes(PayCodeSettings settings, boolean blankEarnedDate, PayCodeVersions versions) {
        // environment variables lower-case map keys (ESR_ATTENDANCE_PAYCODES_BANK_ELEMENT binds key "bank")
        this.byCode.putAll(settings.payCodes());
        this.blankEarnedDate = blankEarnedDate;
        this.versions = versions;
    }

    /** The id of the mapping now in force for {@code payCode} (recorded with each new claim). */
    public Long currentMappingId(String payCode) {
        return versions == null ? null : versions.currentId(payCode);
    }

    public Optional<PayCodeMapping> find(String payCode) {
        return Optional.ofNullable(payCode == null ? null : byCode.get(payCode));
    }

    /** Whether a claim of {@code payCode} is time worked, adding up towards a day's 24 hours (unknown codes are). */
    public boolean countsAsWorkedHours(String payCode) {
        return find(payCode).map(PayCodeMapping::workedHours).orElse(true);
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
        return row(claim, null, effectiveDate, reversal);
    }

    /** As {@link #row(ClaimValues, LocalDate, boolean)}, with the mapping recorded for the claim when there is one. */
    public AttendanceRow row(ClaimValues claim, Long mappingId, LocalDate effectiveDate, boolean reversal) {
        PayCodeMapping recorded = mappingId == null || versions == null ? null : versions.byId(mappingId);
        PayCodeMapping mapping = recorded != null ? recorded : find(claim.payCode()).orElseThrow(() ->
                new IllegalStateException("pay code " + claim.payCode() + " is no longer mapped (esr.attendance.pay-codes)"));
        List<InputValue> values = new ArrayList<>(mapping.inputValues().size());
        for (InputValueMapping iv : mapping.inputValues()) {
            values.add(new InputValue(iv.name(), value(iv, claim, reversal)));
        }
        return new AttendanceRow(effectiveDate, null, claim.assignmentNumber(),
                blankEarnedDate ? null : claim.earnedDate(),
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
