package health.patchwork.esr.outbound.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import health.patchwork.esr.outbound.config.OutboundSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger and the work folder in step at the start of each poll: partial downloads a crash left behind are
 * deleted, and a file whose local copy is gone (a container recreated without its volume, an instance taking over
 * whose folder is not the old leader's, a copy deleted by hand) goes back to be downloaded again into its row,
 * instead of failing on every poll or waiting, held, for an approval that could never be applied.
 */
@Component
public class LocalCopies {

    private static final Logger log = LoggerFactory.getLogger(LocalCopies.class);

    private final FileLedger ledger;
    private final LocalStore store;
    private final OutboundSettings settings;

    public LocalCopies(FileLedger ledger, LocalStore store, OutboundSettings settings) {
        this.ledger = ledger;
        this.store = store;
        this.settings = settings;
    }

    /** What {@link #tidy()} did: partial downloads deleted, files sent back to be downloaded again. */
    public record Tidied(List<String> sweptPartials, List<String> downloadAgain) {
    }

    /** Runs under the poll lock, before the listing, so that files sent back are downloaded by this same poll. */
    public Tidied tidy() {
        store.secure();
        // idle for a poll interval: see LocalStore.sweepPartialDownloads
        List<String> swept = store.sweepPartialDownloads(settings.pollInterval());
        swept.forEach(name -> log.info("Deleted a partial download left behind: {}", name));
        List<String> again = ledger.keptInIncoming().stream()
                .filter(entry -> !present(entry))
                .filter(entry -> ledger.localCopyMissing(entry.id(), LedgerState.DOWNLOADED, LedgerState.VALIDATED,
                        LedgerState.HELD))
                .map(LedgerEntry::fileName)
                .toList();
        again.forEach(name -> log.warn("The local copy of {} is missing; it will be downloaded again", name));
        return new Tidied(swept, again);
    }

    /** Whether the entry's local copy is where the ledger says. */
    public static boolean present(LedgerEntry entry) {
        return entry.localPath() != null && Files.isRegularFile(Path.of(entry.localPath()));
    }
}
