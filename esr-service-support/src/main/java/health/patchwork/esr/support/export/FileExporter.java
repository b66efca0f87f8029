package health.patchwork.esr.support.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.support.files.PrivateFiles;
import health.patchwork.esr.support.mailbox.MailboxClient;
import health.patchwork.esr.support.mailbox.RemoteFile;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends inbound files (TA, AB) to the mailbox exactly once, across crashes (spec README §2, §8):
 * <ol>
 * <li>under the {@link ExportLock}, first finish every file the ledger still calls GENERATED ({@link #recover()});</li>
 * <li>one transaction takes the next gap-free sequence number, records the file as GENERATED, tags the items with it
 * ({@link ExportContent#assign}), writes the content to a local file and records its SHA-256 and size;</li>
 * <li>upload: the mailbox client writes {@code name.part}, checks the remote size and renames;</li>
 * <li>mark the file UPLOADED.</li>
 * </ol>
 * Finishing a GENERATED file never sends a second copy: if the remote folder already has the name with the recorded
 * size and SHA-256, the file is only marked UPLOADED; a missing local copy is regenerated and must match the recorded hash; any
 * disagreement stops the export for an operator instead of guessing.
 */
public class FileExporter {

    private static final Logger log = LoggerFactory.getLogger(FileExporter.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final InboundFileType fileType;
    private final String vpd;
    private final String sourceSystemCode;
    private final long firstSequence;
    private final ExportContent content;
    private final ExportLedger ledger;
    private final ExportLock lock;
    private final TransactionTemplate transactions;
    private final MailboxClient mailbox;
    private final String inboundDir;
    private final Path outgoingDir;
    private final Clock clock;
    private final ExportCheckpoints checkpoints;
    private final ExportMetrics metrics;

    private FileExporter(Builder b) {
        this.fileType = b.fileType;
        this.vpd = b.vpd;
        this.sourceSystemCode = b.sourceSystemCode;
        this.firstSequence = b.firstSequence;
        this.content = b.content;
        this.ledger = b.ledger;
        this.lock = b.lock;
        this.transactions = b.transactions;
        this.mailbox = b.mailbox;
        this.inboundDir = b.inboundDir;
        this.outgoingDir = b.workDir.resolve("outgoing");
        this.clock = b.clock;
        this.checkpoints = b.checkpoints;
        this.metrics = new ExportMetrics(b.meters, fileType);
    }

    public static Builder builder(InboundFileType fileType) {
        return new Builder(fileType);
    }

    /** Waits for the lock, finishes pending files, then produces and uploads the file for {@code target}. */
    public Optional<ExportedFile> export(ExportTarget target) {
        try (ExportLock.Held held = lock.acquire()) {
            completePending(held);
            return produce(target, held);
        }
    }

    /** Like {@link #export}, but runs under the lock itself: {@code choose} sees a recovered ledger. */
    public Optional<ExportedFile> export(Function<ExportLedger, Optional<ExportTarget>> choose) {
        try (ExportLock.Held held = lock.acquire()) {
            completePending(held);
            return choose.apply(ledger).flatMap(target -> produce(target, held));
        }
    }

    /** Several exports in one go under one lock (a cut-off run over every period that is due). */
    public List<ExportedFile> exportAll(Function<ExportLedger, List<ExportTarget>> choose) {
        try (ExportLock.Held held = lock.acquire()) {
            completePending(held);
            List<ExportedFile> sent = new ArrayList<>();
            for (ExportTarget target : choose.apply(ledger)) {
                produce(target, held).ifPresent(sent::add);
            }
            return sent;
        }
    }

    /** Finishes every GENERATED file (start-up, and before every export). Returns those it finished. */
    public List<ExportedFile> recover() {
        try (ExportLock.Held held = lock.acquire()) {
            return completePending(held);
        }
    }

    private List<ExportedFile> completePending(ExportLock.Held held) {
        sweepOrphans();
        List<ExportedFile> done = new ArrayList<>();
        for (ExportedFile file : ledger.generated(fileType)) {
            log.info("Export recovery: {} was generated but not confirmed on the mailbox; finishing it", file.fileName());
            done.add(complete(file, held));
            metrics.recovered();
        }
        return done;
    }

    /** Generates and uploads the file for {@code target}, if it has rows; timed from the first row to the upload. */
    private Optional<ExportedFile> produce(ExportTarget target, ExportLock.Held held) {
        long started = System.nanoTime();
        Optional<ExportedFile> sent;
        try {
            sent = generate(target).map(file -> complete(file, held));
        } catch (RuntimeException e) {
            metrics.failed();
            throw e;
        }
        sent.ifPresent(file -> metrics.sent(file.rowCount(), System.nanoTime() - started));
        return sent;
    }

    private Optional<ExportedFile> generate(ExportTarget target) {
        ExportedFile file = transactions.execute(status -> {
            long sequence = ledger.nextSequence(fileType, firstSequence);
            InboundFileName name = new InboundFileName(fileType, vpd, sourceSystemCode, target.periodType(),
                    target.run(), target.period(), sequence);
            Instant generatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            long id = ledger.insertGenerated(name, generatedAt);
            long started = System.nanoTime();
            int rows = content.assign(id, target);
            if (rows == 0) {
                status.setRollbackOnly();
                return null;
            }
            long tagged = System.nanoTime();
            Written written = writeLocal(id, name, generatedAt);
            log.info("{}: {} rows tagged in {} ms, written in {} ms", name.format(), rows, (tagged - started) / 1_000_000,
                    (System.nanoTime() - tagged) / 1_000_000);
            ledger.recordContent(id, rows, written.sha256(), written.size());
            checkpoints.beforeCommit(id);
            return ledger.byId(id).orElseThrow();
        });
        if (file == null) {
            return Optional.empty();
        }
        log.info("Generated {} with {} rows ({} bytes)", file.fileName(), file.rowCount(), file.sizeBytes());
        checkpoints.afterGenerated(file);
        return Optional.of(file);
    }

    /**
     * Puts a GENERATED file on the mailbox exactly once and marks it UPLOADED. The lock is asked again just before
     * the rename: an exporter whose database session ended (and so lost the lock to another instance) never
     * publishes a second copy.
     */
    private ExportedFile complete(ExportedFile file, ExportLock.Held held) {
        Path local = outgoingDir.resolve(file.fileName());
        Optional<RemoteFile> remote = mailbox.stat(inboundDir, file.fileName());
        if (remote.isPresent()) {
            if (remote.get().size() != file.sizeBytes()) {
                throw new ExportException(file.fileName() + " is on the mailbox with " + remote.get().size()
                        + " bytes but the ledger recorded " + file.sizeBytes() + "; it is never overwritten:"
                        + " an operator must find out who wrote it");
            }
            verifyRemoteContent(file);
            log.info("{} is already on the mailbox with the recorded content; marking it uploaded", file.fileName());
        } else {
            ensureLocalCopy(file, local);
            mailbox.upload(local, inboundDir, file.fileName(), held::verify);
            checkpoints.afterUploaded(file);
        }
        transactions.executeWithoutResult(status -> ledger.markUploaded(file.id(), clock.instant()));
        deleteQuietly(local);
        log.info("Uploaded {} ({} rows)", file.fileName(), file.rowCount());
        return ledger.byId(file.id()).orElseThrow();
    }

    /** Same name and size is not enough to call it ours: the remote bytes must hash to what the ledger recorded. */
    private void verifyRemoteContent(ExportedFile file) {
        Path copy = outgoingDir.resolve(file.fileName() + ".remote");
        try {
            PrivateFiles.createDirectories(outgoingDir);
            mailbox.download(inboundDir, file.fileName(), copy);
            if (!file.sha256().equals(sha256(copy))) {
                throw new ExportException(file.fileName() + " is on the mailbox with the recorded size but other"
                        + " content; it is never overwritten: an operator must find out who wrote it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not check the remote copy of " + file.fileName(), e);
        } finally {
            deleteQuietly(copy);
        }
    }

    private void ensureLocalCopy(ExportedFile file, Path local) {
        if (Files.isRegularFile(local) && file.sha256().equals(sha256(local))) {
            return;
        }
        log.info("Local copy of {} missing or damaged; regenerating it from the ledger", file.fileName());
        Written written = writeLocal(file.id(), file.name(), file.generatedAt());
        if (!written.sha256().equals(file.sha256()) || written.size() != file.sizeBytes()) {
            throw new ExportException("regenerated " + file.fileName() + " differs from the recorded content (SHA-256 "
                    + file.sha256() + "); not uploading. Did the configuration change since it was generated?");
        }
    }

    private Written writeLocal(long id, InboundFileName name, Instant generatedAt) {
        try {
            PrivateFiles.createDirectories(outgoingDir);
            Path target = outgoingDir.resolve(name.format());
            Path temp = outgoingDir.resolve(name.format() + ".tmp");
            MessageDigest digest = newDigest();
            try (OutputStream out = new DigestOutputStream(
                    new BufferedOutputStream(PrivateFiles.newOutputStream(temp), 64 * 1024), digest)) {
                content.write(id, name, LocalDateTime.ofInstant(generatedAt, UK), out);
            }
            long size = Files.size(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(HexFormat.of().formatHex(digest.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + name.format() + " locally", e);
        }
    }

    static String sha256(Path file) {
        MessageDigest digest = newDigest();
        try (var in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            return "";
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Half-written local files ({@code .tmp}) and remote-check copies ({@code .remote}) a crashed export left: under
     * the lock no other export is writing them, and the ledger regenerates whatever is still needed.
     */
    private void sweepOrphans() {
        if (!Files.isDirectory(outgoingDir)) {
            return;
        }
        try (var files = Files.newDirectoryStream(outgoingDir, "*.{tmp,remote}")) {
            files.forEach(FileExporter::deleteQuietly);
        } catch (IOException e) {
            log.warn("Could not sweep {}: {}", outgoingDir, e.getClass().getSimpleName());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete local copy {}", path.getFileName());
        }
    }

    private record Written(String sha256, long size) {
    }

    /** Wiring of one exporter; every setting is required unless it says otherwise. */
    public static final class Builder {

        private final InboundFileType fileType;
        private String vpd;
        private String sourceSystemCode;
        private long firstSequence = 1;
        private ExportContent content;
        private ExportLedger ledger;
        private ExportLock lock;
        private TransactionTemplate transactions;
        private MailboxClient mailbox;
        private String inboundDir;
        private Path workDir;
        private Clock clock = Clock.systemUTC();
        private ExportCheckpoints checkpoints = ExportCheckpoints.NONE;
        private MeterRegistry meters = new CompositeMeterRegistry();

        private Builder(InboundFileType fileType) {
            this.fileType = fileType;
        }

        public Builder trust(String vpd, String sourceSystemCode) {
            this.vpd = vpd;
            this.sourceSystemCode = sourceSystemCode;
            return this;
        }

        /** The sequence number of the very first file (default 1), e.g. to continue another supplier's count. */
        public Builder firstSequence(long value) {
            this.firstSequence = value;
            return this;
        }

        public Builder content(ExportContent value) {
            this.content = value;
            return this;
        }

        public Builder database(ExportLedger ledgerValue, ExportLock lockValue, TransactionTemplate transactionsValue) {
            this.ledger = ledgerValue;
            this.lock = lockValue;
            this.transactions = transactionsValue;
            return this;
        }

        public Builder mailbox(MailboxClient value, String inboundDirValue) {
            this.mailbox = value;
            this.inboundDir = inboundDirValue;
            return this;
        }

        /** Local folder; files are written to {@code workDir/outgoing} and removed once uploaded. */
        public Builder workDir(Path value) {
            this.workDir = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder checkpoints(ExportCheckpoints value) {
            this.checkpoints = value;
            return this;
        }

        /** Where the export metrics go (optional: without it they are not recorded). */
        public Builder meters(MeterRegistry value) {
            this.meters = value;
            return this;
        }

        public FileExporter build() {
            Objects.requireNonNull(vpd, "trust");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(ledger, "database");
            Objects.requireNonNull(mailbox, "mailbox");
            Objects.requireNonNull(workDir, "workDir");
            return new FileExporter(this);
        }
    }
}
