package health.patchwork.esr.formats.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Syntax checks and parsers of ESR value formats, on byte ranges of ISO-8859-1 text so that validation
 * allocates nothing. Parsers return null for input that does not match; callers decide how to report it.
 */
public final class ValueSyntax {

    /** The open end date. */
    public static final String OPEN_END_DATE = "47121231";
    /** The "no previous run" timestamp of a full file's HDR field 4. */
    public static final String ZERO_TIMESTAMP = "00000000 000000";

    private ValueSyntax() {
    }

    private static int digit(byte b) {
        int d = b - '0';
        return d >= 0 && d <= 9 ? d : -1;
    }

    /** Value of {@code len} decimal digits at {@code s}, or -1 if any is not a digit. */
    private static int digits(byte[] b, int s, int len) {
        int v = 0;
        for (int i = s; i < s + len; i++) {
            int d = digit(b[i]);
            if (d < 0) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    // Dates are the most frequent typed values: check all eight digits at once on a little-endian long.
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
    private static final long ZEROS = 0x3030303030303030L;
    private static final long SIXES = 0x0606060606060606L;

    private static boolean eightDigits(long w) {
        return (w & HIGH_NIBBLES) == ZEROS && ((w + SIXES) & HIGH_NIBBLES) == ZEROS;
    }

    private static int digitAt(long w, int i) {
        return (int) (w >>> (8 * i)) & 0x0F;
    }

    /** {@code YYYYMMDD}, a real calendar date (year 0001–9999). */
    public static boolean isDate(byte[] b, int s, int e) {
        if (e - s != 8) {
            return false;
        }
        long w = (long) LONGS.get(b, s);
        if (!eightDigits(w)) {
            return false;
        }
        int y = digitAt(w, 0) * 1000 + digitAt(w, 1) * 100 + digitAt(w, 2) * 10 + digitAt(w, 3);
        int m = digitAt(w, 4) * 10 + digitAt(w, 5);
        int d = digitAt(w, 6) * 10 + digitAt(w, 7);
        return y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
    }

    private static int daysInMonth(int y, int m) {
        switch (m) {
            case 2:
                return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static boolean isClock(byte[] b, int s, int len, boolean colon) {
        int h = digits(b, s, 2);
        int mOff = colon ? 3 : 2;
        if (colon && b[s + 2] != ':') {
            return false;
        }
        int m = digits(b, s + mOff, 2);
        if (h < 0 || h > 23 || m < 0 || m > 59) {
            return false;
        }
        if (len > mOff + 2) {
            int sec = digits(b, s + mOff + 2, 2);
            return sec >= 0 && sec <= 59;
        }
        return true;
    }

    /** {@code YYYYMMDD HHMMSS}. */
    public static boolean isTimestamp(byte[] b, int s, int e) {
        return e - s == 15 && b[s + 8] == ' ' && isDate(b, s, s + 8) && isClock(b, s + 9, 6, false);
    }

    /** {@code YYYYMMDDHHMMSS} (inbound HDR). */
    public static boolean isCompactTimestamp(byte[] b, int s, int e) {
        return e - s == 14 && isDate(b, s, s + 8) && isClock(b, s + 8, 6, false);
    }

    /** {@code HH:MM}, 24-hour. */
    public static boolean isTime(byte[] b, int s, int e) {
        return e - s == 5 && isClock(b, s, 5, true);
    }

    /** Optional {@code -}, then digits with an optional {@code .} and decimals (at least one digit). */
    public static boolean isNumber(byte[] b, int s, int e) {
        int i = s;
        if (i < e && b[i] == '-') {
            i++;
        }
        int digitsSeen = 0;
        boolean point = false;
        for (; i < e; i++) {
            byte c = b[i];
            if (c == '.' && !point) {
                point = true;
            } else if (digit(c) >= 0) {
                digitsSeen++;
            } else {
                return false;
            }
        }
        return digitsSeen > 0;
    }

    /** Digits only. */
    public static boolean isWholeNumber(byte[] b, int s, int e) {
        return e > s && e - s <= 18 && allDigits(b, s, e);
    }

    private static boolean allDigits(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (digit(b[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Inbound amount {@code 0.00}: optional {@code -}, at least one digit, a point, exactly two decimals. */
    public static boolean isAmount(byte[] b, int s, int e) {
        int i = s;
        if (i < e && b[i] == '-') {
            i++;
        }
        int intDigits = e - 3 - i;
        return intDigits >= 1 && b[e - 3] == '.' && allDigits(b, i, e - 3) && allDigits(b, e - 2, e);
    }

    public static boolean isOpenEndDate(byte[] b, int s, int e) {
        return e - s == 8 && b[s] == '4' && b[s + 1] == '7' && b[s + 2] == '1' && b[s + 3] == '2'
                && b[s + 4] == '1' && b[s + 5] == '2' && b[s + 6] == '3' && b[s + 7] == '1';
    }

    public static boolean isZeroTimestamp(byte[] b, int s, int e) {
        if (e - s != 15 || b[s + 8] != ' ') {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (i != s + 8 && b[i] != '0') {
                return false;
            }
        }
        return true;
    }

    public static LocalDate parseDate(byte[] b, int s, int e) {
        if (!isDate(b, s, e)) {
            return null;
        }
        return LocalDate.of(digits(b, s, 4), digits(b, s + 4, 2), digits(b, s + 6, 2));
    }

    public static LocalDateTime parseTimestamp(byte[] b, int s, int e) {
        if (!isTimestamp(b, s, e)) {
            return null;
        }
        return LocalDateTime.of(digits(b, s, 4), digits(b, s + 4, 2), digits(b, s + 6, 2),
                digits(b, s + 9, 2), digits(b, s + 11, 2), digits(b, s + 13, 2));
    }

    public static LocalDateTime parseCompactTimestamp(byte[] b, int s, int e) {
        if (!isCompactTimestamp(b, s, e)) {
            return null;
        }
        return LocalDateTime.of(digits(b, s, 4), digits(b, s + 4, 2), digits(b, s + 6, 2),
                digits(b, s + 8, 2), digits(b, s + 10, 2), digits(b, s + 12, 2));
    }

    public static LocalTime parseTime(byte[] b, int s, int e) {
        if (!isTime(b, s, e)) {
            return null;
        }
        return LocalTime.of(digits(b, s, 2), digits(b, s + 3, 2));
    }

    public static BigDecimal parseDecimal(byte[] b, int s, int e) {
        if (!isNumber(b, s, e)) {
            return null;
        }
        char[] chars = new char[e - s];
        for (int i = s; i < e; i++) {
            chars[i - s] = (char) b[i];
        }
        return new BigDecimal(chars);
    }

    /** String convenience forms, for values already decoded (inbound files, HDR fields). */
    public static byte[] latin1(String value) {
        return value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public static boolean isDate(String v) {
        byte[] b = latin1(v);
        return isDate(b, 0, b.length);
    }

    public static boolean isTimestamp(String v) {
        byte[] b = latin1(v);
        return isTimestamp(b, 0, b.length);
    }

    public static boolean isTime(String v) {
        byte[] b = latin1(v);
        return isTime(b, 0, b.length);
    }

    public static boolean isNumber(String v) {
        byte[] b = latin1(v);
        return isNumber(b, 0, b.length);
    }

    public static boolean isAmount(String v) {
        byte[] b = latin1(v);
        return isAmount(b, 0, b.length);
    }

    public static boolean isWholeNumber(String v) {
        byte[] b = latin1(v);
        return isWholeNumber(b, 0, b.length);
    }

    public static LocalDate parseDate(String v) {
        byte[] b = latin1(v);
        return parseDate(b, 0, b.length);
    }

    public static LocalDateTime parseTimestamp(String v) {
        byte[] b = latin1(v);
        return parseTimestamp(b, 0, b.length);
    }

    public static LocalDateTime parseCompactTimestamp(String v) {
        byte[] b = latin1(v);
        return parseCompactTimestamp(b, 0, b.length);
    }
}
