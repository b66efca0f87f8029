package health.patchwork.esr.attendance.ledger;

import health.patchwork.esr.attendance.mapping.ClaimValues;
import health.patchwork.esr.attendance.period.Placement;

/**
 * A claim to write: a line's values, where it goes, and the pay-code mapping it is accepted under (the claim is
 * written, and reversed, with that mapping; null where mappings are not versioned).
 */
public record Claim(ClaimValues values, Placement placement, Long mappingId) {

    String lineId() {
        return values.lineId();
    }
}
