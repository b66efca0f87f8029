package health.patchwork.esr.attendance.ledger;

import java.math.BigDecimal;

/**
 * The entries of a period with one pay code and cost centre (null: the assignment's own costing), reversals counted
 * negative.
 */
public record PeriodTotal(String payCode, String costCentre, int rows, BigDecimal quantity, BigDecimal amount,
                          int pendingRows) {
}
