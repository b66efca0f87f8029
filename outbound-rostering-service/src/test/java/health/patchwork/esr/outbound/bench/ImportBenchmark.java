package health.patchwork.esr.outbound.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import health.patchwork.esr.formats.read.OutboundReader;
import health.patchwork.esr.formats.read.OutboundRecord;
import health.patchwork.esr.formats.read.ReaderOptions;
import health.patchwork.esr.formats.validate.OutboundFileValidator;
import health.patchwork.esr.formats.validate.OutboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationReport;
import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LedgerEntry;
import health.patchwork.esr.outbound.ledger.LedgerState;
import health.patchwork.esr.outbound.load.FileApplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a timed test: excluded from the normal build (tag "benchmark"). Run with
 * {@code ./mvnw -B -pl outbound-rostering-service -am verify -Dsurefire.excludedGroups=none -Dgroups=benchmark
 * -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m}
 * and copy the printed figures into docs/benchmarks.md.
 */
@Tag("benchmark")
class ImportBenchmark extends OutboundTestBase {

    private static final int PERSONS = Integer.getInteger("bench.persons", 250_000);

    @Autowired
    FileApplier applier;
    @Autowired
    FileLedger ledger;
    @Autowired
    OutboundValidationOptions validationOptions;
    @Autowired
    DataSource dataSource;

    @Test
    void importAMillionRecordFullFileThenAThousandRecordChangeFile() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/bench"));
        String fullName = "GO_123_RST_GOF_20261101_00000100.DAT";
        Path full = dir.resolve(fullName);
        long records = writeFull(full, fullName, "20261101");

        long t0 = System.nanoTime();
        long baselineRows = rawCopy(full);
        long baselineMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        rawCopyBinary(full);
        long binaryBaselineMs = (System.nanoTime() - t0) / 1_000_000;

        resetPeaks();
        t0 = System.nanoTime();
        ValidationReport report = new OutboundFileValidator(validationOptions).validate(full);
        long validateMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(report.isValid()).isTrue();
        LedgerEntry entry = entry(fullName, "FULL", 100, report);
        t0 = System.nanoTime();
        FileApplier.Result result = applier.apply(entry, full, false, true);
        long applyMs = (System.nanoTime() - t0) / 1_000_000;
        long peakHeapMb = peakHeap() / (1024 * 1024);

        String changeName = "GO_123_RST_GOC_20261102_00000101.DAT";
        Path change = dir.resolve(changeName);
        writeChange(change, changeName);
        t0 = System.nanoTime();
        ValidationReport changeReport = new OutboundFileValidator(validationOptions).validate(change);
        LedgerEntry changeEntry = entry(changeName, "CHANGE", 101, changeReport);
        applier.apply(changeEntry, change, false, true);
        long changeMs = (System.nanoTime() - t0) / 1_000_000;

        // steady state: the same snapshot again (a routine full file in which little has changed)
        String againName = "GO_123_RST_GOF_20261103_00000102.DAT";
        Path again = dir.resolve(againName);
        writeFull(again, againName, "20261103");
        t0 = System.nanoTime();
        ValidationReport againReport = new OutboundFileValidator(validationOptions).validate(again);
        applier.apply(entry(againName, "FULL", 102, againReport), again, false, true);
        long againMs = (System.nanoTime() - t0) / 1_000_000;

        System.out.printf("""
                BENCHMARK records=%d file=%d MB staged=%d
                BENCHMARK raw COPY baseline (same rows, unindexed table): %d ms (%d rows)
                BENCHMARK raw COPY baseline in the binary format: %d ms, import ratio to it %.2f
                BENCHMARK validate: %d ms
                BENCHMARK apply (COPY staging + merge + commit): %d ms
                BENCHMARK import (validate + apply): %d ms, ratio to baseline %.2f (apply alone %.2f)
                BENCHMARK peak heap during import: %d MB (max heap %d MB)
                BENCHMARK change file of 1,000 records (validate + apply): %d ms
                BENCHMARK the same 1,000,000-record snapshot again (validate + apply): %d ms
                """, records, Files.size(full) / (1024 * 1024), result.stagedRows(), baselineMs, baselineRows,
                binaryBaselineMs, (double) (validateMs + applyMs) / binaryBaselineMs,
                validateMs, applyMs, validateMs + applyMs, (double) (validateMs + applyMs) / baselineMs,
                (double) applyMs / baselineMs, peakHeapMb, Runtime.getRuntime().maxMemory() / (1024 * 1024),
                changeMs, againMs);
        assertThat(count("select count(*) from person")).isEqualTo(PERSONS);
        // the second snapshot put back the single slice of the 250 assignments the change file had split
        assertThat(count("select count(*) from assignment")).isEqualTo(PERSONS);
    }

    private LedgerEntry entry(String name, String type, long seq, ValidationReport report) {
        long id = ledger.register(name, "FROM_ESR", type, seq, LedgerState.VALIDATED, null);
        LedgerEntry e = ledger.find(id).orElseThrow();
        return new LedgerEntry(e.id(), e.fileName(), e.direction(), null, null, type, seq, e.state(), null,
                report.header().runDate(), report.header().previousRunDate(), null, null, false, 0,
                e.discoveredAt(), e.updatedAt(), null, 0, null, null);
    }

    /** 4 rows per person: PR, AS, CO, ET. */
    private long writeFull(Path file, String name, String runDate) throws IOException {
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            out.write("HDR~" + name + "~" + runDate + " 050000~123~00000000 000000~" + runDate + " 000000~01\n");
            for (int p = 1; p <= PERSONS; p++) {
                out.write(person(p, "Surname" + p, "user" + p + "@example.org"));
                out.write(assignment(p, "1", "20200101"));
                out.write(costing(p));
                out.write(registration(p));
                rows += 4;
            }
            out.write("TRL~" + (rows + 2) + "\n");
        }
        return rows;
    }

    /** 1,000 rows on top: 500 person updates, 250 new assignment slices (a split), 250 costing deletes. */
    private void writeChange(Path file, String name) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            out.write("HDR~" + name + "~20261102 050000~123~20261101 000000~20261102 000000~01\n");
            for (int p = 1; p <= 500; p++) {
                out.write(person(p, "Surname" + p, "changed" + p + "@example.org"));
            }
            for (int p = 1; p <= 250; p++) {
                out.write(assignment(p, "0.8", "20261101"));
            }
            for (int p = 1; p <= 250; p++) {
                out.write("COD~" + (3_000_000 + p) + "\n");
            }
            out.write("TRL~1002\n");
        }
    }

    private static String person(int p, String last, String email) {
        String[] f = blank(44, "PRA");
        f[1] = String.valueOf(100_000 + p);
        f[2] = "20200101";
        f[4] = String.valueOf(20_000_000 + p);
        f[5] = "Mx";
        f[6] = last;
        f[7] = "Test";
        f[12] = "Female";
        f[13] = "19900101";
        f[14] = "QQ000000A";
        f[16] = "20200101";
        f[20] = "N";
        f[33] = "EMP";
        f[34] = "Employee";
        f[35] = email;
        f[36] = "20200101";
        f[38] = "20261015";
        return String.join("~", f) + "\n";
    }

    private static String assignment(int p, String fte, String start) {
        String[] f = blank(51, "ASA");
        f[1] = String.valueOf(100_000 + p);
        f[2] = String.valueOf(2_000_000 + p);
        f[3] = start;
        f[5] = "20200101";
        f[6] = "E";
        f[7] = String.valueOf(20_000_000 + p);
        f[8] = "ACTIVE_ASSIGN";
        f[9] = "Active Assignment";
        f[11] = "123 Monthly";
        f[13] = "4001";
        f[21] = "Y";
        f[22] = "37.5";
        f[23] = "W";
        f[25] = fte;
        f[27] = "5002";
        f[28] = "6001";
        f[30] = "NHS|XR05|Review Body Band 5";
        f[34] = "Nursing and Midwifery Registered|Staff Nurse";
        f[36] = "Y";
        f[44] = "20261101 090000";
        return String.join("~", f) + "\n";
    }

    private static String costing(int p) {
        String[] f = blank(16, "COA");
        f[1] = String.valueOf(100_000 + p);
        f[2] = String.valueOf(2_000_000 + p);
        f[3] = String.valueOf(3_000_000 + p);
        f[4] = "20200101";
        f[5] = "47121231";
        f[6] = "123";
        f[8] = "123A7100";
        f[9] = "51110";
        f[14] = "100";
        f[15] = "20200101 091500";
        return String.join("~", f) + "\n";
    }

    private static String registration(int p) {
        String[] f = blank(57, "ETA");
        f[1] = String.valueOf(100_000 + p);
        f[2] = String.valueOf(4_000_000 + p);
        f[3] = "NHS Regs and Memships";
        f[4] = "NHS Regs and Memships";
        f[5] = "Nursing and Midwifery Council";
        f[6] = "%02dA%04dE".formatted(p % 100, p % 10_000);
        f[7] = "04/06/2018 00:00:00";
        f[9] = "31/05/2027 00:00:00";
        f[35] = "Nursing and Midwifery Council";
        f[36] = "Sub-Part 1 RNA (Adult)";
        f[56] = "20260601 232041";
        return String.join("~", f) + "\n";
    }

    private static String[] blank(int n, String type) {
        String[] f = new String[n];
        Arrays.fill(f, "");
        f[0] = type;
        return f;
    }

    /** The baseline: the same rows, read by the same reader, COPYed into a plain unindexed table. */
    private long rawCopy(Path file) throws Exception {
        jdbc.execute("drop table if exists bench_raw_copy");
        jdbc.execute("create table bench_raw_copy (line_no bigint, record_type text, raw text[])");
        long rows = 0;
        try (Connection c = dataSource.getConnection();
             OutboundReader reader = OutboundReader.open(file, ReaderOptions.defaults().withValidate(false))) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy bench_raw_copy from stdin (format text)");
            StringBuilder sb = new StringBuilder(300_000);
            OutboundRecord r;
            while ((r = reader.next()) != null) {
                sb.append(r.lineNumber()).append('\t').append(r.recordType()).append('\t');
                BenchCopyText.appendArray(sb, r.rawFields());
                sb.append('\n');
                rows++;
                if (sb.length() > 256 * 1024) {
                    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(b, 0, b.length);
                    sb.setLength(0);
                }
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            copy.endCopy();
        }
        jdbc.execute("drop table bench_raw_copy");
        return rows;
    }

    /** The same baseline with the binary COPY format, which the import uses. */
    private void rawCopyBinary(Path file) throws Exception {
        jdbc.execute("drop table if exists bench_raw_copy");
        jdbc.execute("create table bench_raw_copy (line_no bigint, record_type text, raw text[])");
        try (Connection c = dataSource.getConnection();
             OutboundReader reader = OutboundReader.open(file, ReaderOptions.defaults().withValidate(false))) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy bench_raw_copy from stdin (format binary)");
            BenchCopyBinary rows = new BenchCopyBinary();
            OutboundRecord r;
            while ((r = reader.next()) != null) {
                rows.row(r.lineNumber(), r.recordType(), r.rawFields());
                if (rows.size() > 256 * 1024) {
                    byte[] b = rows.take();
                    copy.writeToCopy(b, 0, b.length);
                }
            }
            rows.end();
            byte[] b = rows.take();
            copy.writeToCopy(b, 0, b.length);
            copy.endCopy();
        }
        jdbc.execute("drop table bench_raw_copy");
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
