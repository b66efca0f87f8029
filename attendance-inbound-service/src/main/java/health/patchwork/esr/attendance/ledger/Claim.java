package health.patchwork.esr.attendance.ledger;

import health.patchwork.esr.attendance.mapping.ClaimValues;
import health.patchwork.esr.support.payroll.PayPlacement;

/**
 * A claim to write: a line's values, where it goes (payroll, period, cut-off), and the pay-code mapping it is accepted under (the claim is
 * written, and reversed, with that mapping; null where mappings are not versioned).
 */
public record Claim(ClaimValues values, PayPlacement placement, Long mappingId) {

    String lineId() {
        return values.lineId();
    }
}
