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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.support.files.PrivateFiles;
import health.patchwork.esr.support.logging.Redaction;
import health.patchwork.esr.support.mailbox.MailboxClient;
import health.patchwork.esr.support.mailbox.MailboxRetry;
import health.patchwork.esr.support.mailbox.RemoteFile;
import health.patchwork.esr.support.mailbox.UploadParts;
import health.patchwork.esr.support.notification.EventType;
import health.patchwork.esr.support.notification.Notification;
import health.patchwork.esr.support.notification.Notifications;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.LoggerFactory;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends inbound files (TA, AB) to the mailbox exactly once, across crashes (docs/spec/README.md §2, §8):
 * <ol>
 * <li>under the {@link ExportLock}, first finish every file the ledger still calls GENERATED or RENAMING
 * ({@link #recover()});</li>
 * <li>one transaction takes the next gap-free sequence number, records the file as GENERATED, tags the items with it
 * ({@link ExportContent#assign}), writes the content to a local file and records its SHA-256 and size;</li>
 * <li>write it to the mailbox under a temporary name of this attempt's own ({@code name.<random>.part}) and check
 * the remote size;</li>
 * <li>commit RENAMING with that temporary name;</li>
 * <li>rename it to its final name (the lock is checked just before; a rename never overwrites);</li>
 * <li>mark the file UPLOADED, then remove the temporary files of earlier attempts.</li>
 * </ol>
 * Finishing a file never sends a second copy. A GENERATED file was never renamed: if the remote folder already has
 * the name (a file of an earlier version, which renamed first and recorded nothing) with the recorded size and
 * SHA-256, it is only marked UPLOADED; otherwise it is uploaded, from a local copy regenerated if need be, which must
 * match the recorded hash. A RENAMING file may have been renamed: under its final name with the recorded content it
 * is marked UPLOADED ({@link ExportDelivery#FOUND}); with only its temporary file there the rename did not happen,
 * and is done now; with neither, the rename happened and ESR has collected the file, so it is marked UPLOADED
 * ({@link ExportDelivery#COLLECTED}) and never sent again. Any disagreement stops the export for an operator instead
 * of guessing.
 */
public class FileExporter {

    private static final Logger log = LoggerFactory.getLogger(FileExporter.class);
    private static final int GENERATE_ATTEMPTS = 3;
    /** MDC keys of an export's log lines (support.logging.LoggingConfiguration). */
    static final String FILE_KEY = "file";
    static final String PERIOD_KEY = "period";
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
    private final MailboxRetry retry;
    private final @Nullable Notifications notifications;

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
        this.retry = b.retry;
        this.notifications = b.notifications;
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

    /** Finishes every GENERATED or RENAMING file (start-up, and before every export). Returns those it finished. */
    public List<ExportedFile> recover() {
        try (ExportLock.Held held = lock.acquire()) {
            return completePending(held);
        }
    }

    private List<ExportedFile> completePending(ExportLock.Held held) {
        sweepOrphans();
        List<ExportedFile> done = new ArrayList<>();
        for (ExportedFile file : ledger.pending(fileType)) {
            log.info("Export recovery: {} is {} but not confirmed on the mailbox; finishing it", file.fileName(),
                    file.state());
            // no retry here: recovery runs at start-up and before every export, and is tried again by the next one
            try (MDC.MDCCloseable named = MDC.putCloseable(FILE_KEY, file.fileName())) {
                done.add(completeNamed(file, held));
            }
            metrics.recovered();
        }
        return done;
    }

    /** Generates and uploads the file for {@code target}, if it has rows; timed from the first row to the upload. */
    private Optional<ExportedFile> produce(ExportTarget target, ExportLock.Held held) {
        long started = System.nanoTime();
        Optional<ExportedFile> sent;
        try (MDC.MDCCloseable period = MDC.putCloseable(PERIOD_KEY, target.periodId())) {
            sent = generate(target).map(file -> complete(file, held));
        } catch (RuntimeException e) {
            metrics.failed();
            throw e;
        } finally {
            MDC.remove(FILE_KEY);
        }
        sent.ifPresent(file -> metrics.sent(file.rowCount(), System.nanoTime() - started));
        return sent;
    }

    /**
     * Generates in one transaction. Changes of the items racing the export (a correction locking its line's claims
     * while the export tags the period's) can leave the database a lock cycle to break: the transaction it rolls back
     * holds nothing yet sent (sequence, ledger row and tags go with it), so it is tried again on a fresh state, as a
     * correction is, before the export fails.
     */
    private Optional<ExportedFile> generate(ExportTarget target) {
        for (int attempt = 1; ; attempt++) {
            try {
                return generateOnce(target);
            } catch (PessimisticLockingFailureException e) {
                if (attempt == GENERATE_ATTEMPTS) {
                    throw e;
                }
                log.warn("{} export of {}{} rolled back by a lock conflict with a change (attempt {} of {}); trying"
                        + " again", fileType, target.periodId(),
                        target.payroll() == null ? "" : " of payroll '" + target.payroll() + "'", attempt,
                        GENERATE_ATTEMPTS);
            }
        }
    }

    private Optional<ExportedFile> generateOnce(ExportTarget target) {
        ExportedFile file = transactions.execute(status -> {
            long sequence = ledger.nextSequence(fileType, firstSequence);
            InboundFileName name = new InboundFileName(fileType, vpd, sourceSystemCode, target.periodType(),
                    target.run(), target.period(), sequence);
            // from here on the file's lines name it; delivery and recovery name it again themselves
            MDC.put(FILE_KEY, name.format());
            Instant generatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            long id = ledger.insertGenerated(name, target.payroll(), generatedAt);
            long started = System.nanoTime();
            int rows = content.assign(id, target);
            if (rows == 0) {
                // nothing to send; what assign recorded besides (items a check held out) must still commit
                ledger.discardEmpty(id);
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

    /** Delivers a file just generated, tried again while the mailbox fails it ({@link MailboxRetry}). */
    private ExportedFile complete(ExportedFile given, ExportLock.Held held) {
        try (MDC.MDCCloseable named = MDC.putCloseable(FILE_KEY, given.fileName())) {
            // outside any transaction, and safe to repeat: each try starts from the state the ledger has now
            return retry.call(fileType + " delivery", () -> completeNamed(given, held));
        }
    }

    /**
     * Puts a file on the mailbox exactly once and marks it UPLOADED, from the state the ledger has it in now (read
     * again here, under the lock).
     */
    private ExportedFile completeNamed(ExportedFile given, ExportLock.Held held) {
        ExportedFile file = ledger.byId(given.id()).orElseThrow();
        Path local = outgoingDir.resolve(file.fileName());
        switch (file.state()) {
            case GENERATED -> send(file, local, held);
            case RENAMING -> finishRenaming(file, held);
            case UPLOADED -> log.info("{} was marked uploaded meanwhile", file.fileName());
        }
        deleteQuietly(local);
        removeLeftoverParts(file);
        return ledger.byId(file.id()).orElseThrow();
    }

    /** A GENERATED file: no rename of it was ever asked for by this version. */
    private void send(ExportedFile file, Path local, ExportLock.Held held) {
        Optional<RemoteFile> remote = mailbox.stat(inboundDir, file.fileName());
        if (remote.isPresent()) {
            verifyRemote(file, remote.get());
            log.info("{} is already on the mailbox with the recorded content; marking it uploaded", file.fileName());
            markUploaded(file, ExportDelivery.FOUND, "on the mailbox under its final name; no rename was recorded");
            return;
        }
        ensureLocalCopy(file, local);
        String part = UploadParts.newName(file.fileName());
        held.verify();
        mailbox.writeTemporary(local, inboundDir, part);
        recordRenaming(file, part, held);
        checkpoints.beforeRename(file);
        // the lock is asked again just before the rename: an exporter whose database session ended (and so lost the
        // lock to another instance) leaves the rename to the new holder's recovery, which finds RENAMING
        mailbox.rename(inboundDir, part, file.fileName(), held::verify);
        checkpoints.afterUploaded(file);
        markUploaded(file, ExportDelivery.RENAMED, null);
        log.info("Uploaded {} ({} rows)", file.fileName(), file.rowCount());
    }

    /**
     * Commits RENAMING, naming the attempt's temporary file, before the rename is asked for. When that commit fails
     * its outcome may be unknown (committed, and then the connection dropped), so the temporary file is kept: it is
     * renamed by recovery if RENAMING was committed, and removed with the other leftovers once the file is UPLOADED
     * if not. It is removed at once only when it is certainly not recorded.
     */
    private void recordRenaming(ExportedFile file, String part, ExportLock.Held held) {
        try {
            held.verify();
        } catch (ExportException lost) {
            removeQuietly(part);
            throw lost;
        }
        Boolean recorded = transactions.execute(status -> ledger.markRenaming(file.id(), part));
        if (!Boolean.TRUE.equals(recorded)) {
            removeQuietly(part);
            throw new ExportException(file.fileName() + " is no longer GENERATED: another exporter has taken it on;"
                    + " not renaming");
        }
    }

    /**
     * A RENAMING file: its temporary file was complete and the rename may have happened. The temporary file is
     * looked at first: it can only go by being renamed (nothing removes a recorded one before the file is UPLOADED),
     * so once it is gone, a final name that is gone too was published and collected.
     */
    private void finishRenaming(ExportedFile file, ExportLock.Held held) {
        String part = ledger.uploadPart(file.id()).orElseThrow(() -> new ExportException(file.fileName()
                + " is RENAMING but the ledger names no temporary file"));
        Optional<RemoteFile> temporary = mailbox.stat(inboundDir, part);
        Optional<RemoteFile> published = mailbox.stat(inboundDir, file.fileName());
        if (published.isPresent()) {
            verifyRemote(file, published.get());
            log.info("{} is on the mailbox with the recorded content; marking it uploaded", file.fileName());
            markUploaded(file, ExportDelivery.FOUND, temporary.isPresent()
                    ? "under its final name, and " + part + " still there" : "under its final name");
        } else if (temporary.isPresent()) {
            if (temporary.get().size() != file.sizeBytes()) {
                throw new ExportException(part + " has " + temporary.get().size() + " bytes but the ledger recorded "
                        + file.sizeBytes() + " for " + file.fileName() + "; not renaming: an operator must look");
            }
            log.info("{} was not renamed yet; renaming {} now", file.fileName(), part);
            mailbox.rename(inboundDir, part, file.fileName(), held::verify);
            markUploaded(file, ExportDelivery.RENAMED, "renamed by recovery from " + part);
        } else {
            log.warn("{} was being renamed from {} and neither name is on the mailbox: the rename happened and ESR"
                    + " has collected the file; recording it as uploaded, not sending it again", file.fileName(), part);
            markUploaded(file, ExportDelivery.COLLECTED, "neither " + file.fileName() + " nor " + part
                    + " on the mailbox at recovery: collected by ESR after the rename");
            metrics.collected();
        }
    }

    /**
     * Marks the file UPLOADED and, in the same transaction, tells the platform it was sent ({@code inbound.file.sent}):
     * the event exists exactly when the ledger says UPLOADED, and only the call that marked it tells.
     */
    private void markUploaded(ExportedFile file, ExportDelivery delivery, String detail) {
        transactions.executeWithoutResult(status -> {
            if (ledger.markUploaded(file.id(), clock.instant(), delivery, detail) && notifications != null) {
                ledger.summary(file.id()).ifPresent(summary -> notifications.publish(sent(summary)));
            }
        });
    }

    /** The body of {@code inbound.file.sent}: which file, never what is in it. */
    private Notification sent(ExportFileSummary file) {
        InboundFileName name = InboundFileName.parseOrThrow(file.fileName());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fileType", fileType.name());
        data.put("fileName", file.fileName());
        data.put("sequence", file.sequence());
        data.put("payroll", file.payroll());
        data.put("period", file.period());
        data.put("periodType", String.valueOf(name.periodType().code()));
        data.put("run", file.run());
        data.put("rowCount", file.rows());
        data.put("delivery", file.delivery());
        data.put("uploadedAt", String.valueOf(file.uploadedAt()));
        return Notification.of(EventType.INBOUND_FILE_SENT, "file:" + file.fileName(), data);
    }

    /** Same name is not enough to call it ours: the size and the remote bytes' hash must be what the ledger recorded. */
    private void verifyRemote(ExportedFile file, RemoteFile remote) {
        if (remote.size() != file.sizeBytes()) {
            throw new ExportException(file.fileName() + " is on the mailbox with " + remote.size()
                    + " bytes but the ledger recorded " + file.sizeBytes() + "; it is never overwritten:"
                    + " an operator must find out who wrote it");
        }
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

    /**
     * Temporary files of earlier attempts at an UPLOADED file's name (crashed writes, a temporary file kept when the
     * RENAMING commit failed, one left beside the final name by an interrupted rename): nothing needs them any more.
     * Never before UPLOADED is committed: the temporary file a RENAMING row names is how recovery tells an unfinished
     * rename from a collected file. Best effort: what stays is harmless, ESR takes no {@code .part}.
     */
    private void removeLeftoverParts(ExportedFile file) {
        if (ledger.byId(file.id()).map(ExportedFile::state).orElse(null) != ExportState.UPLOADED) {
            return;
        }
        try {
            for (RemoteFile remote : mailbox.list(inboundDir)) {
                if (UploadParts.isAttemptAt(remote.name(), file.fileName())) {
                    mailbox.remove(inboundDir, remote.name());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove leftover temporary files of {}: {}", file.fileName(), Redaction.describe(e));
        }
    }

    private void removeQuietly(String part) {
        try {
            mailbox.remove(inboundDir, part);
        } catch (RuntimeException e) {
            log.warn("Could not remove {}; it is removed once its file is uploaded: {}", part, Redaction.describe(e));
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
        private MailboxRetry retry = MailboxRetry.NONE;
        private @Nullable Notifications notifications;

        private Builder(InboundFileType fileType) {
            this.fileType = fileType;
        }

        /** How a delivery the mailbox fails is tried again before the export gives up (default: not at all). */
        public Builder retry(MailboxRetry value) {
            this.retry = value;
            return this;
        }

        /**
         * Where {@code inbound.file.sent} is published when a file is marked UPLOADED (default: nowhere). It must
         * write on the database of {@link #database}'s transactions, to join them.
         */
        public Builder notifications(@Nullable Notifications value) {
            this.notifications = value;
            return this;
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
