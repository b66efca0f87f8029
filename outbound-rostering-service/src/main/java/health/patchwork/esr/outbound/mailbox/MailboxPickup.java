package health.patchwork.esr.outbound.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.formats.name.OutboundFileName;
import health.patchwork.esr.formats.validate.OutboundFileValidator;
import health.patchwork.esr.formats.validate.OutboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationOutcome;
import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LocalStore;
import health.patchwork.esr.outbound.load.FileProcessor;
import health.patchwork.esr.support.mailbox.MailboxClient;
import health.patchwork.esr.support.mailbox.MailboxSettings;
import health.patchwork.esr.support.mailbox.RemoteFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One pass over the mailbox's outbound folder (README §2): list, leave alone (and report once) names that are not
 * ours, skip deliveries the ledger knows, wait until a file is old enough and its size was the same in the previous
 * listing, download it under a temporary name, hash it, record it, then process everything downloaded in sequence
 * order. Remote files are never deleted or moved: the ledger is what stops a second pickup.
 */
@Component
public class MailboxPickup {

    private static final Logger log = LoggerFactory.getLogger(MailboxPickup.class);

    private final MailboxClient mailbox;
    private final MailboxSettings mailboxSettings;
    private final OutboundSettings settings;
    private final OutboundFileValidator nameCheck;
    private final FileLedger ledger;
    private final LocalStore store;
    private final FileProcessor processor;
    private final Clock clock;
    /** Size of each name in the previous listing: a file is complete once it stops growing. */
    private final Map<String, Long> previousSizes = new HashMap<>();

    public MailboxPickup(MailboxClient mailbox, MailboxSettings mailboxSettings, OutboundSettings settings,
                         OutboundValidationOptions validationOptions, FileLedger ledger, LocalStore store,
                         FileProcessor processor, Clock clock) {
        this.mailbox = mailbox;
        this.mailboxSettings = mailboxSettings;
        this.settings = settings;
        this.nameCheck = new OutboundFileValidator(validationOptions);
        this.ledger = ledger;
        this.store = store;
        this.processor = processor;
        this.clock = clock;
    }

    /** Lists, downloads what is ready, and processes everything downloaded. */
    public synchronized void poll() {
        downloadReady();
        processor.processUnfinished();
    }

    /** The download half of {@link #poll()}: returns the number of files downloaded. */
    public synchronized int downloadReady() {
        List<RemoteFile> listing = mailbox.list(mailboxSettings.outboundDir());
        Map<String, Long> sizes = new HashMap<>();
        int downloaded = 0;
        for (RemoteFile remote : listing.stream().sorted(Comparator.comparing(RemoteFile::name)).toList()) {
            sizes.put(remote.name(), remote.size());
            if (nameCheck.checkName(remote.name()) == ValidationOutcome.IGNORED_NOT_OURS) {
                if (ledger.ignoreOnce(remote.name(), remote.size(), remote.modified())) {
                    log.warn("Leaving alone a file in the outbound folder that is not ours: {}", remote.name());
                }
                continue;
            }
            if (ledger.knowsDelivery(remote.name(), remote.size(), remote.modified()) || !ready(remote)) {
                continue;
            }
            download(remote);
            downloaded++;
        }
        previousSizes.clear();
        previousSizes.putAll(sizes);
        return downloaded;
    }

    /** Never a file still being written: old enough, and the same size as in the previous listing. */
    private boolean ready(RemoteFile remote) {
        Instant modified = remote.modified();
        boolean oldEnough = modified == null || !modified.plus(settings.minFileAge()).isAfter(clock.instant());
        return oldEnough && Long.valueOf(remote.size()).equals(previousSizes.get(remote.name()));
    }

    private void download(RemoteFile remote) {
        OutboundFileName name = OutboundFileName.parseOrThrow(remote.name());
        long id = ledger.discover(remote.name(), remote.size(), remote.modified(),
                name.isFull() ? "FULL" : "CHANGE", name.sequence());
        Path target = store.incoming(id, remote.name());
        Path temporary = target.resolveSibling(target.getFileName() + ".download");
        mailbox.download(mailboxSettings.outboundDir(), remote.name(), temporary);
        String sha256 = sha256(temporary);
        long size = size(temporary);
        move(temporary, target);
        ledger.downloaded(id, sha256, size, target.toString());
        log.info("Downloaded {} ({} bytes)", remote.name(), size);
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStreamNull.INSTANCE);
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

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Discards what it is given; the digest is all that is wanted. */
    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

}
