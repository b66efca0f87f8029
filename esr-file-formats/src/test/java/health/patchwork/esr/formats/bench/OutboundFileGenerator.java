package health.patchwork.esr.formats.bench;

import health.patchwork.esr.formats.layout.FieldDef;
import health.patchwork.esr.formats.layout.InterfaceLayout;
import health.patchwork.esr.formats.layout.RecordLayout;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a valid outbound full file of any size from the bundled layouts: a realistic mix of PRA, ASA, POA,
 * ORA, LCA, COA and ETA rows with the right field counts and typed values (many text fields empty, as in
 * real extracts).
 */
public final class OutboundFileGenerator {

    /** Record types and their share of rows, per 20. */
    private static final List<String> MIX = List.of(
            "PR", "PR", "PR", "AS", "AS", "AS", "AS", "AS", "PO", "PO",
            "OR", "LC", "CO", "CO", "CO", "CO", "ET", "ET", "ET", "ET");

    private final InterfaceLayout layout = InterfaceLayout.outboundRostering("01");

    public static String fileName(long sequence) {
        return String.format("GO_123_RST_GOF_20261101_%08d.DAT", sequence);
    }

    /** Writes {@code records} data rows plus HDR and TRL. */
    public void write(Path file, long records) {
        String name = file.getFileName().toString();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.ISO_8859_1), 1 << 16)) {
            w.write("HDR~" + name + "~20261101 052314~123~00000000 000000~20261101 000000~01\n");
            StringBuilder sb = new StringBuilder(1024);
            for (long i = 0; i < records; i++) {
                RecordLayout r = layout.byEntityCode(MIX.get((int) (i % MIX.size()))).orElseThrow();
                sb.setLength(0);
                row(sb, r, i);
                sb.append('\n');
                w.write(sb.toString());
            }
            w.write("TRL~" + (records + 2) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void row(StringBuilder sb, RecordLayout r, long i) {
        sb.append(r.addRecordType());
        for (int f = 1; f < r.aFieldCount(); f++) {
            sb.append('~');
            FieldDef def = r.field(f);
            switch (def.type()) {
                case ID -> sb.append(100000 + i + f);
                case D -> sb.append(def.openEnd() ? (i % 2 == 0 ? "" : "47121231") : "20240115");
                case T -> sb.append("20250301 101500");
                case D_T -> sb.append("20250301");
                case N -> sb.append(f % 2 == 0 ? "37.5" : "1");
                case F -> sb.append((i + f) % 2 == 0 ? "Y" : "N");
                case HM -> sb.append("08:00");
                default -> {
                    if ((f + i) % 3 != 0) {
                        sb.append("Value ").append(f).append(' ').append(i % 997);
                    }
                }
            }
        }
    }
}
