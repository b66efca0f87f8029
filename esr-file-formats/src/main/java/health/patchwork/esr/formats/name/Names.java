package health.patchwork.esr.formats.name;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Shared checks and formatting of name segments. */
final class Names {

    static final long MAX_SEQUENCE = 99_999_999L;

    private Names() {
    }

    static void requireVpd(String vpd) {
        if (vpd == null || !vpd.matches("\\d{3}")) {
            throw invalid("VPD must be 3 digits");
        }
    }

    static void requireCode(String code, String what) {
        if (code == null || !code.matches("[A-Z0-9]{3}")) {
            throw invalid(what + " must be 3 upper-case letters or digits");
        }
    }

    static void requireSequence(long sequence) {
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw invalid("sequence must fit 8 digits");
        }
    }

    static String seq8(long sequence) {
        String s = Long.toString(sequence);
        return "00000000".substring(s.length()) + s;
    }

    static String yyyymmdd(LocalDate d) {
        return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /** Null when not a real date. */
    static LocalDate date(String yyyymmdd) {
        try {
            return LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    static EsrFormatException invalid(String why) {
        return new EsrFormatException(ErrorReason.INVALID_FILE_NAME, why);
    }

    /** Names are structural, not personal: safe to quote, but cap the length of junk. */
    static String quote(String name) {
        if (name == null) {
            return "null";
        }
        return "'" + (name.length() > 80 ? name.substring(0, 80) + "…" : name) + "'";
    }
}
