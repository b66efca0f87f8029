package health.patchwork.esr.reliability.notification;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import health.patchwork.esr.formats.name.ExtractType;
import health.patchwork.esr.formats.name.OutboundFileName;
import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.sandbox.simulator.GoFileWriter;
import health.patchwork.esr.sandbox.simulator.SyntheticTrust;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * The trials' events made as in production: ESR's GO files, which the outbound service applies, publishing
 * {@code outbound.file.applied} (and {@code workforce.changed} for what changed) in the transaction that applies
 * each. Round 0 is the synthetic Trust's full file; each trial then puts the next few days' change files (starters,
 * leavers, hours changes, renewals) in the mailbox at once, so the held request may be any of several files' events
 * and the kill may also land while a later file is being imported.
 */
public final class GoFilePublisher implements DispatcherCrashScenario.Publisher {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
    private static final Duration APPLY_TIMEOUT = Duration.ofMinutes(2);

    private final HarnessDatabase database;
    private final EmbeddedSftpServer mailbox;
    private final SyntheticTrust trust;
    private final int staff;
    private final int filesPerTrial;
    private final List<List<String>> filesOfRound = new ArrayList<>();
    private LocalDate day = FIRST_DAY;
    private int sequence;

    public GoFilePublisher(HarnessDatabase database, EmbeddedSftpServer mailbox, int staff, int filesPerTrial) {
        this.database = database;
        this.mailbox = mailbox;
        this.staff = staff;
        this.filesPerTrial = filesPerTrial;
        this.trust = new SyntheticTrust("123", staff, 20261101L, FIRST_DAY);
    }

    /** The factory the scenario takes. */
    public static DispatcherCrashScenario.PublisherFactory factory(int staff, int filesPerTrial) {
        return (database, mailbox, environment) -> new GoFilePublisher(database, mailbox, staff, filesPerTrial);
    }

    @Override
    public void publish(int round) {
        List<String> files = new ArrayList<>();
        if (round == 0) {
            OutboundFileName name = new OutboundFileName("123", "RST", ExtractType.FULL, day, ++sequence);
            GoFileWriter.write(mailbox.root().resolve("out"), name, day.atTime(5, 0), null, day.atStartOfDay(),
                    trust.snapshot());
            files.add(name.format());
        } else {
            for (int i = 0; i < filesPerTrial; i++) {
                // as the simulator's day: the changes since the previous run, named for the new day
                LocalDateTime previousRun = day.atStartOfDay();
                List<String[]> rows = trust.advance(day);
                day = day.plusDays(1);
                OutboundFileName name = new OutboundFileName("123", "RST", ExtractType.CHANGE, day, ++sequence);
                GoFileWriter.write(mailbox.root().resolve("out"), name, day.atTime(5, 0), previousRun,
                        day.atStartOfDay(), rows);
                files.add(name.format());
            }
        }
        filesOfRound.add(files);
    }

    @Override
    public int fewestEvents() {
        // each file applied tells of itself at least
        return filesPerTrial;
    }

    @Override
    public String awaitDone(int round) throws InterruptedException {
        long deadline = System.nanoTime() + APPLY_TIMEOUT.toNanos();
        for (String file : filesOfRound.get(round)) {
            while (applied(file) < 1) {
                if (System.nanoTime() > deadline) {
                    return file + " not applied within " + APPLY_TIMEOUT;
                }
                Thread.sleep(100);
            }
        }
        return "";
    }

    @Override
    public String verdict(int round) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String file : filesOfRound.get(round)) {
            long applied = applied(file);
            if (applied != 1) {
                problems.add(file + " applied " + applied + " times");
            }
        }
        return String.join("; ", problems);
    }

    private long applied(String file) {
        try {
            return database.count("select count(*) from workforce.file_ledger where file_name = ? and state ="
                    + " 'APPLIED'", file);
        } catch (SQLException notYet) {
            return 0;
        }
    }

    @Override
    public String describe() {
        return "GO files applied, " + staff + " staff, " + filesPerTrial + " change files a trial";
    }
}
