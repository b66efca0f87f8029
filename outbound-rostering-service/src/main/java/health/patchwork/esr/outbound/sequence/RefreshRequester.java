package health.patchwork.esr.outbound.sequence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import health.patchwork.esr.formats.name.FullRefreshRequestName;
import health.patchwork.esr.formats.validate.SequenceState;
import health.patchwork.esr.formats.write.FullRefreshRequestWriter;
import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LedgerState;
import health.patchwork.esr.support.mailbox.MailboxClient;
import health.patchwork.esr.support.mailbox.MailboxRetry;
import health.patchwork.esr.support.mailbox.MailboxSettings;
import health.patchwork.esr.support.mailbox.RemoteFileExistsException;
import health.patchwork.esr.support.trust.TrustSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the full-refresh request (GDR, docs/spec/README.md §7.5): one line {@code HDR~<name>~<YYYYMMDD> 000000}, no trailer and
 * no terminator, uploaded to the inbound folder. At most one a day (the name carries only the date), and none
 * while one is pending unless an operator forces it.
 */
@Component
public class RefreshRequester {

    private static final Logger log = LoggerFactory.getLogger(RefreshRequester.class);

    private final MailboxClient mailbox;
    private final MailboxRetry retry;
    private final MailboxSettings mailboxSettings;
    private final TrustSettings trust;
    private final OutboundSettings settings;
    private final FileLedger ledger;
    private final SequenceStore sequence;
    private final Clock clock;

    public RefreshRequester(MailboxClient mailbox, MailboxRetry retry, MailboxSettings mailboxSettings,
                            TrustSettings trust, OutboundSettings settings, FileLedger ledger, SequenceStore sequence,
                            Clock clock) {
        this.mailbox = mailbox;
        this.retry = retry;
        this.mailboxSettings = mailboxSettings;
        this.trust = trust;
        this.settings = settings;
        this.ledger = ledger;
        this.sequence = sequence;
        this.clock = clock;
    }

    /** The outcome of a request: the file name, and whether it was sent now. */
    public record Result(String fileName, boolean sent, String reason) {
    }

    public synchronized Result request(String why, boolean force) {
        LocalDate today = LocalDate.now(clock);
        SequenceState state = sequence.read();
        String name = new FullRefreshRequestName(trust.vpd(), settings.subFileType(), today).format();
        if (today.equals(state.refreshRequestedOn())) {
            sequence.refreshNeeded();
            return new Result(name, false, "a full-refresh request was already sent today");
        }
        if (state.refreshPending() && state.refreshRequestedOn() != null && !force) {
            return new Result(name, false, "a full-refresh request is pending since " + state.refreshRequestedOn());
        }
        Path file = write(name, today);
        try {
            // a request that reached the mailbox before a failure is found there by the retry (exists: not retried)
            retry.call("full-refresh request", () -> {
                mailbox.upload(file, mailboxSettings.inboundDir(), name);
                return name;
            });
        } catch (RemoteFileExistsException e) {
            log.warn("Full-refresh request {} is already in the mailbox; recording it as sent", name);
        }
        ledger.register(name, "TO_ESR", "REFRESH_REQUEST", FullRefreshRequestName.SEQUENCE, LedgerState.SENT, why);
        sequence.refreshRequested(today);
        log.warn("Sent full-refresh request {} ({})", name, why);
        return new Result(name, true, why);
    }

    private Path write(String name, LocalDate today) {
        try {
            Path dir = Files.createDirectories(settings.workDir().resolve("sent"));
            Path file = dir.resolve(name);
            Files.write(file, new FullRefreshRequestWriter().bytes(
                    FullRefreshRequestName.parseOrThrow(name), today.atTime(settings.fullRefreshCutoverTime())));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
