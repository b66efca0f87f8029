package health.patchwork.esr.attendance.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import health.patchwork.esr.attendance.mapping.ClaimValues;
import health.patchwork.esr.support.payroll.PayDate;
import health.patchwork.esr.support.payroll.PayPlacement;

/**
 * A line that passed the checks of its fields: its values, its content hash (the idempotency check), and, once its
 * assignment's payroll is known, where and when it is paid.
 */
record CheckedLine(int index, ClaimValues values, PayDate payDate, String contentHash) {

    static CheckedLine of(int index, ClaimValues v) {
        String canonical = String.join("\u0000", v.assignmentNumber(), v.earnedDate().toString(), v.payCode(),
                plain(v.quantity()), plain(v.rate()), plain(v.amount()), v.costCentre() == null ? "" : v.costCentre());
        return new CheckedLine(index, v, null, sha256(canonical));
    }

    CheckedLine paid(PayDate date) {
        return new CheckedLine(index, values, date, contentHash);
    }

    PayPlacement placement() {
        return payDate.placement();
    }

    String lineId() {
        return values.lineId();
    }

    private static String plain(java.math.BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
