package health.patchwork.esr.support.mailbox;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP when a session to the mailbox opens with the pinned host key and the service's folders can be listed; DOWN with the
 * operator-readable reason otherwise (wrong key, refused login, unreachable host).
 */
public class MailboxHealthIndicator implements HealthIndicator {

    private final MailboxClient mailbox;
    private final MailboxSettings settings;
    private final List<String> folders;

    public MailboxHealthIndicator(MailboxClient mailbox, MailboxSettings settings, List<String> folders) {
        this.mailbox = mailbox;
        this.settings = settings;
        this.folders = List.copyOf(folders);
    }

    @Override
    public Health health() {
        Health.Builder builder;
        try {
            folders.forEach(mailbox::probe);
            builder = Health.up().withDetail("hostKey", "verified against known_hosts");
        } catch (MailboxException e) {
            builder = Health.down().withDetail("error", e.getMessage());
        }
        return builder.withDetail("endpoint", settings.host() + ":" + settings.port())
                .withDetail("folders", folders)
                .build();
    }
}
