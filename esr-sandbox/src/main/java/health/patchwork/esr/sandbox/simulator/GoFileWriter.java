package health.patchwork.esr.sandbox.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;

import health.patchwork.esr.formats.name.OutboundFileName;

/**
 * Writes a Generic Outbound file as ESR does: ISO-8859-1, tilde-delimited, HDR first, TRL last counting every line
 * (docs/spec/README.md §3, §5). The file appears under its final name only when complete. The simulator and the
 * reliability harness use it to make files for the services to read.
 */
public final class GoFileWriter {

    static final String ZERO_TIMESTAMP = "00000000 000000";

    private GoFileWriter() {
    }

    public static Path write(Path folder, OutboundFileName name, LocalDateTime created, LocalDateTime previousRun,
            LocalDateTime runDate, List<String[]> rows) {
        String fileName = name.format();
        Path partial = folder.resolve("." + fileName + ".writing");
        try (BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.ISO_8859_1), 64 * 1024)) {
            line(out, "HDR", fileName, OutboundRow.TIMESTAMP.format(created), name.vpd(),
                    previousRun == null ? ZERO_TIMESTAMP : OutboundRow.TIMESTAMP.format(previousRun),
                    OutboundRow.TIMESTAMP.format(runDate), "01");
            for (String[] row : rows) {
                line(out, row);
            }
            line(out, "TRL", String.valueOf(rows.size() + 2));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + fileName, e);
        }
        try {
            return Files.move(partial, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not publish " + fileName, e);
        }
    }

    private static void line(BufferedWriter out, String... values) throws IOException {
        out.write(String.join("~", values));
        out.write('\n');
    }
}
