package health.patchwork.esr.reliability.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Breaks one line of a file the ways real files break: fields added or lost, delimiters swapped, text in the wrong
 * encoding, control bytes, truncation mid-line, huge fields, random byte flips.
 */
final class LineMutator {

    enum Kind {
        DROP_FIELD, ADD_FIELD, DELIMITER_SWAP, UTF8_TEXT, CONTROL_BYTES, TRUNCATE, HUGE_FIELD, BYTE_FLIP,
        EMPTY_KEY, GARBAGE_DATE, SPLIT_LINE, RECORD_TYPE
    }

    private final Random random;
    private final char delimiter;

    LineMutator(Random random, char delimiter) {
        this.random = random;
        this.delimiter = delimiter;
    }

    Kind pick() {
        Kind[] kinds = Kind.values();
        return kinds[random.nextInt(kinds.length)];
    }

    byte[] mutate(byte[] line, Kind kind) {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        String[] fields = text.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
        return switch (kind) {
            case DROP_FIELD -> latin1(join(Arrays.copyOf(fields, Math.max(1, fields.length - 1 - random.nextInt(3)))));
            case ADD_FIELD -> latin1(text + delimiter + "extra" + (random.nextBoolean() ? delimiter : ""));
            case DELIMITER_SWAP -> latin1(text.replace(delimiter, random.nextBoolean() ? '|' : ','));
            case UTF8_TEXT -> replaceField(fields, "Zoë Ó Briain – ł", StandardCharsets.UTF_8);
            case CONTROL_BYTES -> insert(line, new byte[] {0, 7, 27, (byte) 0x85, (byte) 0xFF});
            case TRUNCATE -> Arrays.copyOf(line, random.nextInt(Math.max(1, line.length)));
            case HUGE_FIELD -> replaceField(fields, "X".repeat(100_000 + random.nextInt(2_000_000)),
                    StandardCharsets.ISO_8859_1);
            case BYTE_FLIP -> flip(line);
            case EMPTY_KEY -> emptyField(fields, 1 + random.nextInt(Math.min(3, Math.max(1, fields.length - 1))));
            case GARBAGE_DATE -> replaceField(fields, random.nextBoolean() ? "20261340" : "2026-11-02",
                    StandardCharsets.ISO_8859_1);
            case SPLIT_LINE -> insert(line, new byte[] {(byte) (random.nextBoolean() ? '\r' : '\n')});
            case RECORD_TYPE -> latin1(join(withFirst(fields, random.nextBoolean() ? "XXA" : "PR")));
        };
    }

    private String join(String[] fields) {
        return String.join(String.valueOf(delimiter), fields);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] replaceField(String[] fields, String value, java.nio.charset.Charset charset) {
        if (fields.length < 2) {
            return value.getBytes(charset);
        }
        String[] copy = fields.clone();
        copy[1 + random.nextInt(fields.length - 1)] = value;
        return join(copy).getBytes(charset);
    }

    private byte[] emptyField(String[] fields, int index) {
        String[] copy = fields.clone();
        if (index < copy.length) {
            copy[index] = "";
        }
        return latin1(join(copy));
    }

    private static String[] withFirst(String[] fields, String first) {
        String[] copy = fields.clone();
        copy[0] = first;
        return copy;
    }

    private byte[] insert(byte[] line, byte[] bytes) {
        int at = line.length == 0 ? 0 : random.nextInt(line.length);
        byte[] out = new byte[line.length + bytes.length];
        System.arraycopy(line, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(line, at, out, at + bytes.length, line.length - at);
        return out;
    }

    private byte[] flip(byte[] line) {
        byte[] out = line.clone();
        for (int i = 0, n = 1 + random.nextInt(4); i < n && out.length > 0; i++) {
            byte b = (byte) random.nextInt(256);
            // line breaks are SPLIT_LINE's to make, so that line numbers stay predictable here
            out[random.nextInt(out.length)] = b == '\r' || b == '\n' ? (byte) '?' : b;
        }
        return out;
    }
}
