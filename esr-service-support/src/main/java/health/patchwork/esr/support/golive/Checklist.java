package health.patchwork.esr.support.golive;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.support.mailbox.MailboxSettings;
import health.patchwork.esr.support.trust.TrustSettings;

/**
 * The plain text an operator pastes into the ESR service request: who we are, what we connect to with which key,
 * which folders we use, and how each check went. Only public facts: no passphrase, no private key, no paths of
 * local secrets.
 */
class Checklist {

    private final String service;
    private final TrustSettings trust;
    private final MailboxSettings mailbox;
    private final MailboxUse use;
    private final Clock clock;

    Checklist(String service, TrustSettings trust, MailboxSettings mailbox, MailboxUse use, Clock clock) {
        this.service = service;
        this.trust = trust;
        this.mailbox = mailbox;
        this.use = use;
        this.clock = clock;
    }

    String render(List<ReadinessCheck> checks, boolean ready) {
        StringBuilder text = new StringBuilder();
        text.append("ESR go-live checklist: ").append(service).append(", checked ")
                .append(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS)).append('\n');
        line(text, "Trust VPD", trust.vpd());
        line(text, "Trust name", trust.name() == null || trust.name().isBlank() ? "(not set)" : trust.name());
        line(text, "Trust type", trust.bankOnly() ? "bank-only (no absence interface)" : "rostering");
        text.append("Interfaces:\n");
        for (Map.Entry<String, String> entry : trust.interfaces().entrySet()) {
            text.append("  - ").append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
        }
        line(text, "Mailbox", mailbox.host() + ":" + mailbox.port() + ", user " + mailbox.username());
        line(text, "Mailbox host key pinned", detailOf(checks, HostKeyPinnedCheck.NAME));
        line(text, "Our public key", detailOf(checks, ClientKeyCheck.NAME));
        line(text, "Outbound folder (ESR to us)", mailbox.outboundDir() + (use.readsOutbound() ? ", we read it" : ", not used by this service"));
        line(text, "Inbound folder (us to ESR)", mailbox.inboundDir() + (use.writesInbound() ? ", we write it" : ", not used by this service"));
        text.append("Results:\n");
        for (ReadinessCheck check : checks) {
            text.append("  [").append(check.result()).append("] ").append(check.name()).append(": ")
                    .append(check.detail()).append('\n');
        }
        text.append("Ready for go-live: ").append(ready ? "yes" : "no").append('\n');
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(label).append(": ").append(value).append('\n');
    }

    private static String detailOf(List<ReadinessCheck> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst()
                .map(c -> c.result() == CheckResult.PASS ? c.detail() : c.result() + " (see results)")
                .orElse("(not checked)");
    }
}
