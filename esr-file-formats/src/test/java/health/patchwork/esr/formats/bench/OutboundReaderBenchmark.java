package health.patchwork.esr.formats.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import health.patchwork.esr.formats.layout.FieldDef;
import health.patchwork.esr.formats.layout.FieldType;
import health.patchwork.esr.formats.layout.RecordLayout;
import health.patchwork.esr.formats.read.OutboundReader;
import health.patchwork.esr.formats.read.OutboundRecord;
import health.patchwork.esr.formats.read.ReaderOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not a test. Compares this library's validating outbound reader with a plain FastCSV field split of the same
 * generated GOF file, and checks that reading works in a 64 MB heap. See docs/benchmarks.md.
 *
 * <pre>
 * OutboundReaderBenchmark [compare] [records]   generate, warm up, measure both, print records/s and ratio
 * OutboundReaderBenchmark read FILE              read FILE with validation on; print count and heap use
 * OutboundReaderBenchmark small-heap [records]   generate, then read it in a forked java -Xmx64m
 * </pre>
 */
public final class OutboundReaderBenchmark {

    private static final int WARM_UP_ROUNDS = 2;
    private static final int MEASURED_ROUNDS = 3;

    private OutboundReaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "compare";
        switch (mode) {
            case "compare" -> compare(args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L);
            case "read" -> readOnly(Path.of(args[1]));
            case "small-heap" -> smallHeap(args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L);
            default -> throw new IllegalArgumentException("mode: compare | read FILE | small-heap");
        }
    }

    private static Path generate(long records) throws IOException {
        Path dir = Files.createTempDirectory("esr-bench");
        Path file = dir.resolve(OutboundFileGenerator.fileName(41));
        long t0 = System.nanoTime();
        new OutboundFileGenerator().write(file, records);
        System.out.printf("generated %,d records, %,d bytes in %.1f s: %s%n", records, Files.size(file),
                (System.nanoTime() - t0) / 1e9, file);
        return file;
    }

    private static void compare(long records) throws IOException {
        Path file = generate(records);
        try {
            System.out.printf("JVM %s, %d processors, max heap %d MB%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            double reader = 0;
            double fastCsv = 0;
            for (int round = 1; round <= WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
                boolean measured = round > WARM_UP_ROUNDS;
                double r = rate(records, () -> readTyped(file));
                double f = rate(records, () -> splitWithFastCsv(file));
                System.out.printf("%s round %d: esr reader %,.0f records/s, FastCSV split %,.0f records/s%n",
                        measured ? "measured" : "warm-up", round, r, f);
                if (measured) {
                    reader += r / MEASURED_ROUNDS;
                    fastCsv += f / MEASURED_ROUNDS;
                }
            }
            System.out.printf("RESULT esr reader (validating, typed) %,.0f records/s; FastCSV 4.4.0 split %,.0f records/s;"
                    + " ratio %.2fx%n", reader, fastCsv, reader / fastCsv);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        }
    }

    private static double rate(long records, java.util.function.LongSupplier run) {
        long t0 = System.nanoTime();
        long n = run.getAsLong();
        long t1 = System.nanoTime();
        if (n != records) {
            throw new IllegalStateException("read " + n + " records, expected " + records);
        }
        return records / ((t1 - t0) / 1e9);
    }

    /**
     * Validating read; per record: record type, entity id, and the first date field parsed to LocalDate (or,
     * for types without one, the first timestamp field to LocalDateTime).
     */
    static long readTyped(Path file) {
        Map<RecordLayout, FieldDef> dateField = new IdentityHashMap<>();
        long count = 0;
        long sink = 0;
        try (OutboundReader reader = OutboundReader.open(file, ReaderOptions.defaults())) {
            OutboundRecord r;
            while ((r = reader.next()) != null) {
                FieldDef field = dateField.computeIfAbsent(r.layout(), OutboundReaderBenchmark::firstDateField);
                int day;
                if (field.type() == FieldType.D) {
                    LocalDate d = r.getDate(field.name());
                    day = d == null ? 0 : d.getDayOfMonth();
                } else {
                    LocalDateTime t = r.getTimestamp(field.name());
                    day = t == null ? 0 : t.getDayOfMonth();
                }
                String id = r.entityId();
                sink += r.recordType().length() + (id == null ? 0 : id.length()) + day;
                count++;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return count;
    }

    private static FieldDef firstDateField(RecordLayout layout) {
        for (FieldDef f : layout.fields()) {
            if (f.type() == FieldType.D) {
                return f;
            }
        }
        for (FieldDef f : layout.fields()) {
            if (f.type() == FieldType.T) {
                return f;
            }
        }
        throw new IllegalStateException(layout.entityCode() + " has no date or timestamp field");
    }

    /** Baseline: a plain field split, no validation, no types; HDR and TRL excluded from the count. */
    static long splitWithFastCsv(Path file) {
        long count = 0;
        long sink = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator('~').quoteCharacter('\u0007')
                .allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(file, StandardCharsets.ISO_8859_1)) {
            for (CsvRecord rec : csv) {
                String type = rec.getField(0);
                if (type.equals("HDR") || type.equals("TRL")) {
                    continue;
                }
                sink += rec.getFieldCount() + rec.getField(1).length();
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sink == 42) {
            System.out.print("");
        }
        return count;
    }

    private static void readOnly(Path file) {
        long t0 = System.nanoTime();
        long n = readTyped(file);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("read %,d records of %s with validation in %.1f s; max heap %d MB, used now %d MB%n", n,
                file.getFileName(), (System.nanoTime() - t0) / 1e9, rt.maxMemory() >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** Forks {@code java -Xmx64m} on the classes this one was loaded from, so it works under exec:java too. */
    private static void smallHeap(long records) throws Exception {
        Path file = generate(records);
        try {
            String classpath = String.join(File.pathSeparator, List.of(
                    location(OutboundReaderBenchmark.class), location(OutboundReader.class),
                    location(tools.jackson.databind.json.JsonMapper.class),
                    location(tools.jackson.core.JsonParser.class),
                    location(com.fasterxml.jackson.annotation.JsonProperty.class)));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xmx64m", "-cp", classpath, OutboundReaderBenchmark.class.getName(),
                    "read", file.toString());
            System.out.println("forking: java -Xmx64m ... " + OutboundReaderBenchmark.class.getSimpleName() + " read "
                    + file.getFileName());
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            System.out.println("RESULT -Xmx64m read exit code " + exit);
            if (exit != 0) {
                throw new IllegalStateException("small-heap read failed");
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        }
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
