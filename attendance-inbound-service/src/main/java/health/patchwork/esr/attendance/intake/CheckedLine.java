package health.patchwork.esr.attendance.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import health.patchwork.esr.attendance.mapping.ClaimValues;
import health.patchwork.esr.attendance.period.Placement;

/** A line that passed every check: its values, where it goes, and its content hash (the idempotency check). */
record CheckedLine(int index, ClaimValues values, Placement placement, String contentHash) {

    static CheckedLine of(int index, ClaimValues v, Placement placement) {
        String canonical = String.join("\u0000", v.assignmentNumber(), v.earnedDate().toString(), v.payCode(),
                plain(v.quantity()), plain(v.rate()), plain(v.amount()), v.costCentre() == null ? "" : v.costCentre());
        return new CheckedLine(index, v, placement, sha256(canonical));
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
