package health.patchwork.esr.outbound.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import health.patchwork.esr.formats.name.OutboundFileName;
import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LocalStore;
import health.patchwork.esr.support.logging.Redaction;
import health.patchwork.esr.support.mailbox.MailboxClient;
import health.patchwork.esr.support.mailbox.MailboxException;
import health.patchwork.esr.support.mailbox.MailboxSettings;
import health.patchwork.esr.support.mailbox.RemoteFile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Downloads one remote file into its ledger row: under a temporary name, hashed, then renamed to the local copy. A
 * failure of this file (the mailbox refused it or cut the transfer, it vanished, the local disk is full or was
 * refused beforehand for lack of space) is recorded on its row, with the reason and the attempt count, and its
 * partial copy deleted; it never reaches the caller, so one bad file cannot stop the others in the listing. The
 * delivery is tried again on the next poll, into the same row.
 */
@Component
public class FileDownload {

    private static final Logger log = LoggerFactory.getLogger(FileDownload.class);

    /** Why a download failed, as the {@code reason} tag of {@code esr_outbound_download_failures_total}. */
    enum FailureKind {
        /** the mailbox refused the file or the transfer failed */
        MAILBOX,
        /** the local copy could not be written or read back */
        LOCAL,
        /** refused before it started: not enough free disk space */
        DISK_SPACE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MailboxClient mailbox;
    private final MailboxSettings mailboxSettings;
    private final OutboundSettings settings;
    private final FileLedger ledger;
    private final LocalStore store;
    private final MeterRegistry meters;

    public FileDownload(MailboxClient mailbox, MailboxSettings mailboxSettings, OutboundSettings settings,
                        FileLedger ledger, LocalStore store, MeterRegistry meters) {
        this.mailbox = mailbox;
        this.mailboxSettings = mailboxSettings;
        this.settings = settings;
        this.ledger = ledger;
        this.store = store;
        this.meters = meters;
        // at zero from the start, so that an alert on its rate sees the first failure
        for (FailureKind kind : FailureKind.values()) {
            failures(kind);
        }
    }

    /** Returns whether the file was downloaded; a failure is on its ledger row. */
    public boolean download(RemoteFile remote) {
        OutboundFileName name = OutboundFileName.parseOrThrow(remote.name());
        long id = ledger.discover(remote.name(), remote.size(), remote.modified(),
                name.isFull() ? "FULL" : "CHANGE", name.sequence());
        Path temporary = null;
        try {
            Path target = store.incoming(id, remote.name());
            temporary = store.downloading(target);
            ensureRoomFor(remote.size());
            mailbox.download(mailboxSettings.outboundDir(), remote.name(), temporary);
            String sha256 = sha256(temporary);
            long size = size(temporary);
            store.keepDownload(temporary, target);
            ledger.downloaded(id, sha256, size, target.toString());
            log.info("Downloaded {} ({} bytes)", remote.name(), size);
            return true;
        } catch (NotEnoughSpace e) {
            failed(id, remote, temporary, FailureKind.DISK_SPACE, e.getMessage(), e);
        } catch (MailboxException e) {
            failed(id, remote, temporary, FailureKind.MAILBOX, Redaction.message(e), e);
        } catch (UncheckedIOException e) {
            failed(id, remote, temporary, FailureKind.LOCAL, "local copy failed: " + describe(e.getCause()), e);
        }
        return false;
    }

    private void failed(long id, RemoteFile remote, Path temporary, FailureKind kind, String reason,
                        RuntimeException failure) {
        try {
            if (temporary != null) {
                store.discardDownload(temporary);
            }
        } catch (UncheckedIOException e) {
            // swept at the start of a later poll
            log.warn("Could not delete the partial download of {}: {}", remote.name(), Redaction.describe(e));
        }
        ledger.downloadFailed(id, reason);
        failures(kind).increment();
        log.warn("Download of {} failed; it will be tried again at the next poll: {}", remote.name(),
                kind == FailureKind.MAILBOX ? Redaction.describe(failure) : reason);
    }

    /**
     * A download that would leave the work folder with less than the margin is refused before it starts: a full disk
     * would fail it anyway, part-way through, and stop archiving and quarantining of the files already here.
     */
    private void ensureRoomFor(long bytes) {
        long free = store.usableSpace();
        long margin = settings.diskSpaceMargin().toBytes();
        if (bytes > free - margin) {
            throw new NotEnoughSpace("not enough local disk space: needs " + bytes + " bytes, " + free
                    + " free (margin " + margin + ")");
        }
    }

    /** The reason a local file operation failed, without the exception's text beyond the system's own reason. */
    private static String describe(IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? ": " + fs.getReason() : "";
        return e.getClass().getSimpleName() + reason;
    }

    private Counter failures(FailureKind kind) {
        return Counter.builder("esr.outbound.download.failures").tag("reason", kind.tag())
                .description("GO file downloads that failed or were refused (each is retried at the next poll)")
                .register(meters);
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refused before the download started. */
    private static final class NotEnoughSpace extends RuntimeException {
        NotEnoughSpace(String message) {
            super(message);
        }
    }
}
