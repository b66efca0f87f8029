package health.patchwork.esr.support.mailbox;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The mailbox as the service last saw it, from memory: the background probe and the service's own transfers,
 * whichever came last. DOWN when that failed (wrong key, refused login, unreachable host, a stalled transfer) or
 * when an operation is running past its deadline; UNKNOWN until the first probe has run. Never connects itself.
 */
public class MailboxHealthIndicator implements HealthIndicator {

    private final MailboxActivity activity;
    private final MailboxSettings settings;
    private final List<String> folders;

    public MailboxHealthIndicator(MailboxActivity activity, MailboxSettings settings, List<String> folders) {
        this.activity = activity;
        this.settings = settings;
        this.folders = List.copyOf(folders);
    }

    @Override
    public Health health() {
        MailboxActivity.Outcome last = activity.lastConnection();
        List<MailboxActivity.InFlight> overdue = activity.overdue();
        Health.Builder builder;
        if (!overdue.isEmpty()) {
            MailboxActivity.InFlight oldest = overdue.get(0);
            builder = Health.down().withDetail("error", oldest.operation() + " has been running since "
                    + oldest.started() + ", past its deadline " + oldest.deadline() + ": the connection stalled");
        } else if (last == null) {
            builder = Health.unknown().withDetail("error", "not checked yet: the first probe is under way");
        } else if (last.succeeded()) {
            builder = Health.up().withDetail("hostKey", "verified against known_hosts");
        } else {
            builder = Health.down().withDetail("error", last.error()).withDetail("failedAt", last.at());
        }
        MailboxActivity.Outcome success = activity.lastSuccess();
        MailboxActivity.Outcome probe = activity.lastProbe();
        MailboxActivity.Outcome fileFailure = activity.lastFileFailure();
        builder.withDetail("endpoint", settings.endpoint()).withDetail("folders", folders)
                .withDetail("operationsRunning", activity.running().size());
        if (success != null) {
            builder.withDetail("lastSuccess", success.operation() + " at " + success.at());
        }
        if (probe != null) {
            builder.withDetail("lastProbe", probe.at() + (probe.succeeded() ? ": ok" : ": failed"));
        }
        if (fileFailure != null) {
            builder.withDetail("lastFileRefused", fileFailure.error() + " at " + fileFailure.at());
        }
        return builder.build();
    }
}
