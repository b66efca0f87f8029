package health.patchwork.esr.sandbox.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import health.patchwork.esr.formats.name.ExtractType;
import health.patchwork.esr.formats.name.FullRefreshRequestName;
import health.patchwork.esr.formats.name.OutboundFileName;
import health.patchwork.esr.formats.validate.ValidationReport;

/**
 * ESR behind the sandbox mailbox, on an accelerated clock: a full file of the synthetic Trust at the start, then one
 * change file per simulated day; a full file in answer to each full-refresh request; and a validation report for
 * every TA and AB file we deliver, with accepted absences echoed into the next change file.
 */
public final class EsrSimulator implements AutoCloseable {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Path outFolder;
    private final Path inFolder;
    private final String vpd;
    private final String subFileType;
    private final SyntheticTrust trust;
    private final AbsenceEchoes echoes;
    private final InboundInspector inspector;
    private final Consumer<String> events;
    private final Set<String> answeredRequests = new HashSet<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "esr-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private LocalDate day;
    private long sequence;

    public EsrSimulator(Path mailboxRoot, String vpd, String subFileType, SyntheticTrust trust, LocalDate firstDay,
            Consumer<String> events) {
        this.outFolder = mailboxRoot.resolve("out");
        this.inFolder = mailboxRoot.resolve("in");
        this.vpd = vpd;
        this.subFileType = subFileType;
        this.trust = trust;
        this.echoes = new AbsenceEchoes(trust);
        this.inspector = new InboundInspector(inFolder, vpd, echoes);
        this.events = events;
        this.day = firstDay;
    }

    /** Writes the first full file now, then a change file every {@code dayLength}; inspects /in every 2 seconds. */
    public void start(Duration dayLength) {
        runOnClock(() -> writeFull(day.atStartOfDay()));
        clock.scheduleAtFixedRate(this::guarded, dayLength.toMillis(), dayLength.toMillis(), TimeUnit.MILLISECONDS);
        clock.scheduleWithFixedDelay(this::inspectInbound, 2, 2, TimeUnit.SECONDS);
    }

    /** Ends the current simulated day at once: its change file is written now. */
    public void advanceDay() {
        runOnClock(this::nextDay);
    }

    /** Inspects the inbound folder at once and returns the reports of files not seen before. */
    public List<ValidationReport> inspectNow() {
        List<ValidationReport> reports = new ArrayList<>();
        runOnClock(() -> reports.addAll(inspectInboundFiles()));
        return reports;
    }

    private void guarded() {
        try {
            nextDay();
        } catch (RuntimeException e) {
            events.accept("simulator: change file failed: " + e.getMessage());
        }
    }

    private void nextDay() {
        LocalDateTime previousRun = day.atStartOfDay();
        day = day.plusDays(1);
        List<String[]> rows = new ArrayList<>(trust.advance(day.minusDays(1)));
        rows.addAll(echoes.drain());
        OutboundFileName name = new OutboundFileName(vpd, subFileType, ExtractType.CHANGE, day, ++sequence);
        GoFileWriter.write(outFolder, name, now(), previousRun, day.atStartOfDay(), rows);
        events.accept("ESR wrote " + name.format() + " (" + rows.size() + " changes)");
    }

    private void writeFull(LocalDateTime runDate) {
        List<String[]> rows = trust.snapshot();
        OutboundFileName name = new OutboundFileName(vpd, subFileType, ExtractType.FULL, runDate.toLocalDate(),
                ++sequence);
        GoFileWriter.write(outFolder, name, now(), null, runDate, rows);
        events.accept("ESR wrote " + name.format() + " (" + rows.size() + " records, " + trust.headcount()
                + " staff)");
    }

    private void inspectInbound() {
        try {
            inspectInboundFiles();
        } catch (RuntimeException e) {
            events.accept("simulator: inbound inspection failed: " + e.getMessage());
        }
    }

    private List<ValidationReport> inspectInboundFiles() {
        answerRefreshRequests();
        List<ValidationReport> reports = inspector.inspectNewFiles(now());
        reports.forEach(r -> events.accept("ESR validated " + r.fileName() + ": " + r.outcome()));
        return reports;
    }

    private void answerRefreshRequests() {
        try (Stream<Path> files = Files.list(inFolder)) {
            for (Path request : files.filter(f -> FullRefreshRequestName.parse(f.getFileName().toString()).isPresent())
                    .sorted().toList()) {
                if (answeredRequests.add(request.getFileName().toString())) {
                    events.accept("ESR received full-refresh request " + request.getFileName());
                    writeFull(cutOver(request));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocalDateTime cutOver(Path request) throws IOException {
        String[] fields = Files.readString(request, StandardCharsets.ISO_8859_1).trim().split("~");
        if (fields.length == 3) {
            try {
                return LocalDateTime.parse(fields[2], OutboundRow.TIMESTAMP);
            } catch (java.time.format.DateTimeParseException malformed) {
                events.accept("ESR: full-refresh request " + request.getFileName() + " has no valid cut-over");
            }
        }
        return day.atStartOfDay();
    }

    private void runOnClock(Runnable task) {
        try {
            clock.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(UK).withNano(0);
    }

    public LocalDate day() {
        return day;
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
