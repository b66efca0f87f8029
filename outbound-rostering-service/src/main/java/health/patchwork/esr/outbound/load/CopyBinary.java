package health.patchwork.esr.outbound.load;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary COPY format: the server takes values as they are, where the text format makes it
 * parse every {@code text[]} literal character by character (the largest part of its work on a wide row). ESR
 * data may hold any ISO-8859-1 character, and none needs escaping here. Empty values become NULL (docs/spec/README.md §6.2);
 * text is sent as UTF-8, the connection's client encoding.
 */
final class CopyBinary {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final int TEXT_OID = 25;
    /** Days from 1970-01-01 (Java's epoch) to 2000-01-01 (PostgreSQL's). */
    private static final long POSTGRES_EPOCH_DAY = 10_957;

    private byte[] bytes = new byte[64 * 1024];
    private int length;

    CopyBinary() {
        put(HEADER);
    }

    int length() {
        return length;
    }

    byte[] buffer() {
        return bytes;
    }

    void clear() {
        length = 0;
    }

    void startRow(int columns) {
        putShort(columns);
    }

    void text(String value) {
        if (value == null || value.isEmpty()) {
            putInt(-1);
            return;
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        putInt(b.length);
        put(b);
    }

    void date(LocalDate value) {
        if (value == null) {
            putInt(-1);
            return;
        }
        putInt(4);
        putInt((int) (value.toEpochDay() - POSTGRES_EPOCH_DAY));
    }

    void nullValue() {
        putInt(-1);
    }

    void bool(boolean value) {
        putInt(1);
        ensure(1);
        bytes[length++] = (byte) (value ? 1 : 0);
    }

    void int8(long value) {
        putInt(8);
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    /** A one-dimensional {@code text[]} from 1, its empty elements NULL. */
    void textArray(String[] values) {
        int lengthAt = length;
        putInt(0);
        boolean hasNull = Arrays.stream(values).anyMatch(v -> v == null || v.isEmpty());
        putInt(1);
        putInt(hasNull ? 1 : 0);
        putInt(TEXT_OID);
        putInt(values.length);
        putInt(1);
        for (String v : values) {
            text(v);
        }
        int size = length - lengthAt - 4;
        writeInt(lengthAt, size);
    }

    /** The trailer that ends the data. */
    void end() {
        putShort(-1);
    }

    private void putShort(int v) {
        ensure(2);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    private void putInt(int v) {
        ensure(4);
        writeInt(length, v);
        length += 4;
    }

    private void writeInt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
