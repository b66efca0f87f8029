package health.patchwork.esr.sandbox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.name.FullRefreshRequestName;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.formats.name.PeriodRun;
import health.patchwork.esr.formats.validate.OutboundFileValidator;
import health.patchwork.esr.formats.validate.OutboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationReport;
import health.patchwork.esr.formats.write.AbsenceFileWriter;
import health.patchwork.esr.formats.write.AbsenceOperation;
import health.patchwork.esr.formats.write.AbsenceRow;
import health.patchwork.esr.formats.write.FullRefreshRequestWriter;
import health.patchwork.esr.formats.write.InboundWriterOptions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the simulated ESR writes must pass the suite's own validator, as a real ESR file would. */
class EsrSimulatorTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path mailbox;

    private final List<String> events = new ArrayList<>();
    private SyntheticTrust trust;
    private EsrSimulator simulator;
    private final OutboundFileValidator validator = new OutboundFileValidator(OutboundValidationOptions.forVpd("123"));

    @BeforeEach
    void start() throws IOException {
        Files.createDirectories(mailbox.resolve("out"));
        Files.createDirectories(mailbox.resolve("in"));
        trust = new SyntheticTrust("123", 300, 42L, FIRST_DAY);
        simulator = new EsrSimulator(mailbox, "123", "RST", trust, FIRST_DAY, events::add);
        simulator.start(java.time.Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private List<Path> outboundFiles() throws IOException {
        try (Stream<Path> files = Files.list(mailbox.resolve("out"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("GO_")).sorted().toList();
        }
    }

    @Test
    void theFirstFullFileIsValidAndHoldsTheWholeTrust() throws IOException {
        Path full = mailbox.resolve("out/GO_123_RST_GOF_20261102_00000001.DAT");
        ValidationReport report = validator.validate(full);

        assertThat(report.isValid()).as(String.valueOf(report.issues())).isTrue();
        assertThat(report.count("PRA")).isEqualTo(300);
        assertThat(report.count("ASA")).isGreaterThanOrEqualTo(300);
        assertThat(report.count("ETA")).isPositive();
        assertThat(report.unknownRecordTypes()).isEmpty();
        assertThat(Files.readAllBytes(full)).as("Latin-1 names are written as single bytes")
                .containsAnyOf((byte) 0xE2, (byte) 0xEB, (byte) 0xE1, (byte) 0xF8, (byte) 0xE9);
    }

    @Test
    void eachSimulatedDayWritesTheNextChangeFileInSequence() throws IOException {
        simulator.advanceDay();
        simulator.advanceDay();

        assertThat(outboundFiles()).extracting(p -> p.getFileName().toString()).containsExactly(
                "GO_123_RST_GOC_20261103_00000002.DAT", "GO_123_RST_GOC_20261104_00000003.DAT",
                "GO_123_RST_GOF_20261102_00000001.DAT");
        for (Path change : outboundFiles()) {
            assertThat(validator.validate(change).isValid()).as(change.toString()).isTrue();
        }
        assertThat(validator.validate(outboundFiles().get(0)).count("PRA")).isPositive();
    }

    @Test
    void anAcceptedAbsenceIsEchoedWithOurReferenceInTheNextChangeFile() throws IOException {
        String assignment = trust.assignmentNumbersActiveOn(FIRST_DAY).get(0);
        InboundFileName name = new InboundFileName(InboundFileType.AB, "123", "PWH", PeriodType.MONTHLY,
                PeriodRun.NORMAL, 27, 8, 1);
        try (OutputStream out = Files.newOutputStream(mailbox.resolve("in").resolve(name.format()));
             AbsenceFileWriter writer = AbsenceFileWriter.open(out, name, LocalDateTime.of(2026, 11, 2, 9, 0),
                     InboundWriterOptions.defaults())) {
            writer.write(new AbsenceRow(FIRST_DAY, AbsenceOperation.ADD, null, assignment, "Annual Leave Hours 1",
                    null, FIRST_DAY, null, FIRST_DAY, null, null, new BigDecimal("7.50"), "H", null, null, false,
                    null, "PWH-A000001", FIRST_DAY.minusDays(10)), "A000001");
        }

        List<ValidationReport> reports = simulator.inspectNow();
        simulator.advanceDay();

        assertThat(reports).singleElement().satisfies(r -> assertThat(r.isValid()).isTrue());
        assertThat(mailbox.resolve("in").resolve(name.format() + ".report.txt")).content()
                .contains("accepted");
        String change = Files.readString(mailbox.resolve("out/GO_123_RST_GOC_20261103_00000002.DAT"),
                StandardCharsets.ISO_8859_1);
        assertThat(change.lines().filter(l -> l.startsWith("ABA~")))
                .singleElement()
                .satisfies(row -> assertThat(row.split("~", -1)[33]).isEqualTo("PWH-A000001"));
    }

    @Test
    void aFullRefreshRequestIsAnsweredWithAFullFile() throws IOException {
        FullRefreshRequestName request = new FullRefreshRequestName("123", "RST", FIRST_DAY.plusDays(1));
        Files.write(mailbox.resolve("in").resolve(request.format()),
                new FullRefreshRequestWriter().bytes(request, FIRST_DAY.plusDays(1).atStartOfDay()));

        simulator.inspectNow();
        simulator.inspectNow();

        assertThat(outboundFiles()).extracting(p -> p.getFileName().toString())
                .containsExactly("GO_123_RST_GOF_20261102_00000001.DAT", "GO_123_RST_GOF_20261103_00000002.DAT");
        assertThat(validator.validate(outboundFiles().get(1)).isValid()).isTrue();
    }
}
