package health.patchwork.esr.reliability.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.read.InboundReader;
import health.patchwork.esr.formats.read.InboundRecord;

/**
 * The mailbox's inbound folder as ESR sees it: only files under a final TA/AB name count; a {@code .part} left by
 * an interrupted upload is not a file ESR would take.
 */
record InboundFolder(Map<String, List<String>> itemsByFile, Map<String, Long> filesPerPeriod, long partFiles) {

    static InboundFolder read(Path folder, ExportingService service) throws IOException {
        Map<String, List<String>> items = new TreeMap<>();
        Map<String, Long> perPeriod = new TreeMap<>();
        long parts = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Optional<InboundFileName> parsed = InboundFileName.parse(name);
                if (parsed.isEmpty()) {
                    parts += name.endsWith(".part") ? 1 : 0;
                    continue;
                }
                perPeriod.merge(parsed.get().taxPeriod().yy() + parsed.get().taxPeriod().pp(), 1L, Long::sum);
                items.put(name, itemsOf(file, service));
            }
        }
        return new InboundFolder(items, perPeriod, parts);
    }

    private static List<String> itemsOf(Path file, ExportingService service) throws IOException {
        List<String> ids = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); InboundReader reader = new InboundReader(in)) {
            for (InboundRecord row = reader.next(); row != null; row = reader.next()) {
                service.itemId(row).ifPresent(ids::add);
            }
        }
        return ids;
    }
}
