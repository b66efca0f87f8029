package health.patchwork.esr.outbound.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import health.patchwork.esr.formats.validate.OutboundFileValidator;
import health.patchwork.esr.formats.validate.OutboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationOutcome;
import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LocalCopies;
import health.patchwork.esr.outbound.load.FileProcessor;
import health.patchwork.esr.support.logging.Redaction;
import health.patchwork.esr.support.mailbox.MailboxClient;
import health.patchwork.esr.support.mailbox.MailboxSettings;
import health.patchwork.esr.support.mailbox.RemoteFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One pass over the mailbox's outbound folder (docs/spec/README.md §2): list, leave alone (and report once) names that are not
 * ours, skip deliveries the ledger knows, wait until a file is old enough and its size was the same in the previous
 * listing, download it ({@link FileDownload}: a file that fails is recorded on its row and the others go on), then
 * process everything downloaded in sequence order. Remote files are never deleted or moved: the ledger is what stops
 * a second pickup.
 */
@Component
public class MailboxPickup {

    private static final Logger log = LoggerFactory.getLogger(MailboxPickup.class);

    private final MailboxClient mailbox;
    private final MailboxSettings mailboxSettings;
    private final OutboundSettings settings;
    private final OutboundFileValidator nameCheck;
    private final FileLedger ledger;
    private final FileDownload download;
    private final LocalCopies localCopies;
    private final FileProcessor processor;
    private final Clock clock;
    /** Size of each name in the previous listing: a file is complete once it stops growing. */
    private final Map<String, Long> previousSizes = new HashMap<>();

    public MailboxPickup(MailboxClient mailbox, MailboxSettings mailboxSettings, OutboundSettings settings,
                         OutboundValidationOptions validationOptions, FileLedger ledger, FileDownload download,
                         LocalCopies localCopies, FileProcessor processor, Clock clock) {
        this.mailbox = mailbox;
        this.mailboxSettings = mailboxSettings;
        this.settings = settings;
        this.nameCheck = new OutboundFileValidator(validationOptions);
        this.ledger = ledger;
        this.download = download;
        this.localCopies = localCopies;
        this.processor = processor;
        this.clock = clock;
    }

    /**
     * Tidies the work folder, lists, downloads what is ready, and processes everything downloaded. Files already
     * downloaded are processed even when the listing fails (the mailbox unreachable): the failure is thrown after.
     */
    public synchronized void poll() {
        try {
            tidy();
            downloadReady();
        } finally {
            processor.processUnfinished();
        }
    }

    /**
     * The download half of {@link #poll()}: returns the number of files downloaded. A failure of the listing ends
     * it; a failure of one file's download is recorded on that file's row and the loop goes on.
     */
    public synchronized int downloadReady() {
        List<RemoteFile> listing = mailbox.list(mailboxSettings.outboundDir());
        Map<String, Long> sizes = new HashMap<>();
        int downloaded = 0;
        // files whose downloads failed before go last: one that always fails (or stalls to its deadline) must not
        // keep a new file waiting behind it (the apply order is the sequence order, whatever the download order)
        Set<String> failedBefore = ledger.namesWithFailedDownloads();
        for (RemoteFile remote : listing.stream().sorted(Comparator.comparing((RemoteFile file) ->
                failedBefore.contains(file.name())).thenComparing(RemoteFile::name)).toList()) {
            sizes.put(remote.name(), remote.size());
            if (nameCheck.checkName(remote.name()) == ValidationOutcome.IGNORED_NOT_OURS) {
                // not ours, so anything may be in its name: a CR/LF could forge a log line or an operator's view
                String shown = Redaction.remoteName(remote.name());
                if (ledger.ignoreOnce(shown, remote.size(), remote.modified())) {
                    log.warn("Leaving alone a file in the outbound folder that is not ours: {}", shown);
                }
                continue;
            }
            if (ledger.knowsDelivery(remote.name(), remote.size(), remote.modified()) || !ready(remote)) {
                continue;
            }
            if (download.download(remote)) {
                downloaded++;
            }
        }
        previousSizes.clear();
        previousSizes.putAll(sizes);
        return downloaded;
    }

    /** Partial downloads left by a crash go, and files whose local copy is gone are queued to download again. */
    private void tidy() {
        try {
            localCopies.tidy();
        } catch (RuntimeException e) {
            // the work folder's trouble shows in the downloads themselves; the poll goes on
            log.error("Tidying the work folder failed: {}", Redaction.describe(e));
        }
    }

    /** Never a file still being written: old enough, and the same size as in the previous listing. */
    private boolean ready(RemoteFile remote) {
        Instant modified = remote.modified();
        boolean oldEnough = modified == null || !modified.plus(settings.minFileAge()).isAfter(clock.instant());
        return oldEnough && Long.valueOf(remote.size()).equals(previousSizes.get(remote.name()));
    }
}
