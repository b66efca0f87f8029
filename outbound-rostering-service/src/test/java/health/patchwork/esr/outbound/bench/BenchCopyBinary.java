package health.patchwork.esr.outbound.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The binary-format baseline's own encoder (kept apart from the code under test): rows of
 * (line number bigint, record type text, fields text[]), empty fields NULL.
 */
final class BenchCopyBinary {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(300_000);
    private final DataOutputStream out = new DataOutputStream(bytes);

    BenchCopyBinary() throws IOException {
        out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(0);
    }

    void row(long lineNumber, String recordType, String[] fields) throws IOException {
        out.writeShort(3);
        out.writeInt(8);
        out.writeLong(lineNumber);
        text(recordType);
        ByteArrayOutputStream array = new ByteArrayOutputStream(512);
        DataOutputStream a = new DataOutputStream(array);
        boolean hasNull = false;
        for (String f : fields) {
            hasNull |= f == null || f.isEmpty();
        }
        a.writeInt(1);
        a.writeInt(hasNull ? 1 : 0);
        a.writeInt(25);
        a.writeInt(fields.length);
        a.writeInt(1);
        for (String f : fields) {
            if (f == null || f.isEmpty()) {
                a.writeInt(-1);
            } else {
                byte[] b = f.getBytes(StandardCharsets.UTF_8);
                a.writeInt(b.length);
                a.write(b);
            }
        }
        out.writeInt(array.size());
        array.writeTo(out);
    }

    void end() throws IOException {
        out.writeShort(-1);
    }

    int size() {
        return bytes.size();
    }

    /** The bytes so far, then empty. */
    byte[] take() throws IOException {
        out.flush();
        byte[] b = bytes.toByteArray();
        bytes.reset();
        return b;
    }

    private void text(String value) throws IOException {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
