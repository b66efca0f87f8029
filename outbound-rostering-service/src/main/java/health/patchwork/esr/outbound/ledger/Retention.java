package health.patchwork.esr.outbound.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes local copies of ESR files once their retention has passed: the compressed archive after
 * {@code archive-retention-days}, quarantined files and their reports after {@code quarantine-retention-days}. GO
 * files are full of personal data, so nothing is kept longer than it is useful. The ledger rows stay, marked purged.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final LocalStore store;
    private final FileLedger ledger;
    private final Clock clock;

    public Retention(LocalStore store, FileLedger ledger, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
    }

    public record Purged(int archived, int quarantined) {
    }

    public Purged purge() {
        // recorded before each delete: see LocalStore#purgeOlderThan
        List<Path> archived = store.purgeArchive(path -> ledger.contentPurged(path.toString(), clock.instant()));
        List<Path> quarantined = store.purgeQuarantine(path -> ledger.contentPurged(path.toString(), clock.instant()));
        if (!archived.isEmpty() || !quarantined.isEmpty()) {
            log.info("Retention: purged {} archived and {} quarantined file(s)", archived.size(), quarantined.size());
        }
        return new Purged(archived.size(), quarantined.size());
    }
}
