package health.patchwork.esr.formats.read;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An outbound file of any length produced on the fly (never on disk, never in memory as a whole):
 * HDR, alternating COA and COD rows, TRL.
 */
final class GeneratedOutboundStream extends InputStream {

    static final String NAME = "GO_123_RST_GOF_20261101_00000041.DAT";

    private final long rows;
    private long next = -1;
    private byte[] line = new byte[0];
    private int pos;

    GeneratedOutboundStream(long rows) {
        this.rows = rows;
    }

    private boolean advance() {
        if (next > rows) {
            return false;
        }
        String text;
        if (next < 0) {
            text = "HDR~" + NAME + "~20261101 052314~123~00000000 000000~20261101 000000~01\n";
        } else if (next == rows) {
            text = "TRL~" + (rows + 2) + "\n";
        } else if (next % 2 == 0) {
            text = "COA~100001~200002~" + next + "~20250106~47121231~123~~123A7200~51210~~~~~100~20250106 091500\n";
        } else {
            text = "COD~" + next + "\r\n";
        }
        next++;
        line = text.getBytes(StandardCharsets.ISO_8859_1);
        pos = 0;
        return true;
    }

    @Override
    public int read() {
        if (pos == line.length && !advance()) {
            return -1;
        }
        return line[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int n = 0;
        while (n < len) {
            if (pos == line.length && !advance()) {
                return n == 0 ? -1 : n;
            }
            int chunk = Math.min(len - n, line.length - pos);
            System.arraycopy(line, pos, b, off + n, chunk);
            pos += chunk;
            n += chunk;
        }
        return n;
    }
}
