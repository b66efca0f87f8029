package health.patchwork.esr.outbound.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.SettingsFor;
import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.outbound.health.PollerHealth;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LocalCopies;
import health.patchwork.esr.outbound.ledger.LocalStore;
import health.patchwork.esr.outbound.load.FileProcessor;
import health.patchwork.esr.formats.validate.OutboundValidationOptions;
import health.patchwork.esr.support.leader.Leadership;
import health.patchwork.esr.support.leader.ScheduledWork;
import health.patchwork.esr.support.mailbox.MailboxClient;
import health.patchwork.esr.support.mailbox.MailboxSettings;
import health.patchwork.esr.support.mailbox.RemoteFile;
import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.time.MutableClock;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mailboxPoller}: DOWN on the leader once no poll has completed for three poll intervals plus the allowance,
 * saying since when a poll has been running, and UP again once one completes; UP on a standby. Time is a
 * {@link MutableClock}. The stuck poll is a real {@link LeaderPoll} under the real poll lock, over a real pickup whose
 * listing waits on a latch: that wait, in a decorator around the real mailbox client, is the only thing not real.
 */
class PollerHealthTest extends OutboundTestBase {

    private static final Instant START = Instant.parse("2027-01-04T08:00:00Z");

    @Autowired
    MailboxClient realClient;
    @Autowired
    MailboxSettings mailboxSettings;
    @Autowired
    OutboundValidationOptions validationOptions;
    @Autowired
    FileLedger ledger;
    @Autowired
    LocalStore store;
    @Autowired
    LocalCopies localCopies;
    @Autowired
    FileProcessor processor;
    @Autowired
    PollLock lock;
    @Autowired
    TaskScheduler scheduler;
    @Autowired
    MeterRegistry meters;

    private final MutableClock clock = new MutableClock(START);
    private final PollTimes times = new PollTimes(clock);
    private final Leadership leadership = new Leadership("outbound-poller-health-test", "test-instance", true, clock);
    private final CountDownLatch release = new CountDownLatch(1);
    private OutboundSettings polling;
    private PollerHealth health;
    private Thread poller;

    @BeforeEach
    void leader() {
        // the shared context polls nothing (polling-enabled=false); this indicator sees the service's defaults
        polling = SettingsFor.outbound(settings, Map.of());
        health = new PollerHealth(times, leadership, polling, clock);
        leadership.onGranted(null);
    }

    @AfterEach
    void releasePoll() throws InterruptedException {
        release.countDown();
        if (poller != null) {
            poller.join(TimeUnit.MINUTES.toMillis(1));
        }
    }

    private Duration limit() {
        return polling.pollInterval().multipliedBy(3).plus(PollerHealth.ALLOWANCE);
    }

    @Test
    void aPollThatDoesNotComeBackTurnsTheLeaderDownAndItsCompletionUpAgain() {
        LeaderPoll leaderPoll = new LeaderPoll(pickupListingWhen(release), processor, lock,
                new ScheduledWork(leadership, meters), scheduler,
                times);
        poller = new Thread(leaderPoll::run, "stuck-poll");
        poller.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> times.snapshot().runningSince() != null);

        clock.advance(limit());
        assertThat(health.health().getStatus()).as("at the limit").isEqualTo(Status.UP);

        clock.advance(Duration.ofSeconds(1));
        Health stuck = health.health();
        assertThat(stuck.getStatus()).isEqualTo(Status.DOWN);
        assertThat(stuck.getDetails()).containsEntry("pollRunningSince", START.toString())
                .containsEntry("lastPollCompleted", "none yet");
        assertThat(String.valueOf(stuck.getDetails().get("stuck"))).contains("a poll has been running since " + START);

        release.countDown();
        await().atMost(Duration.ofMinutes(1)).until(() -> times.snapshot().runningSince() == null);

        Health recovered = health.health();
        assertThat(recovered.getStatus()).isEqualTo(Status.UP);
        assertThat(recovered.getDetails()).containsEntry("lastPollCompleted", START.plus(limit()).plusSeconds(1)
                .toString()).doesNotContainKey("pollRunningSince");
    }

    @Test
    void noPollCompletedForThreeIntervalsIsDownEvenWithNoneRunning() {
        times.record(() -> { });
        clock.advance(limit().plusSeconds(1));

        Health health = this.health.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(health.getDetails().get("stuck"))).contains("none is running");

        times.record(() -> { });
        assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aFailedPollHasStillCompletedAndSaysWhy() {
        clock.advance(Duration.ofMinutes(5));
        try {
            times.record(() -> {
                throw new IllegalStateException("listing refused");
            });
        } catch (IllegalStateException expected) {
            // LeaderPoll logs it
        }

        Health health = this.health.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("lastPollCompleted", START.plus(Duration.ofMinutes(5)).toString())
                .containsEntry("lastPollFailed", "IllegalStateException");
    }

    @Test
    void aStandbyIsUpAndSaysItDoesNotPoll() {
        leadership.onRevoked(null);
        clock.advance(limit().multipliedBy(10));

        Health health = this.health.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("polling", "standby: this instance does not poll");
    }

    @Test
    void theServiceShowsTheComponent() {
        String body = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/health")
                .header("Authorization", "Bearer " + TestTokens.operator()).retrieve().body(String.class);

        JsonNode poller = JsonMapper.builder().build().readTree(body).get("components").get("mailboxPoller");
        assertThat(poller.get("status").asString()).isEqualTo("UP");
        // this test context does not poll (OutboundServiceTest)
        assertThat(poller.get("details").get("polling").asString()).startsWith("off");
    }

    /** A real pickup whose listing of the real mailbox waits until {@code release} opens. */
    private MailboxPickup pickupListingWhen(CountDownLatch release) {
        MailboxClient waiting = new ForwardingMailbox(realClient) {
            @Override
            public List<RemoteFile> list(String folder) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return real.list(folder);
            }
        };
        return new MailboxPickup(waiting, mailboxSettings, polling, validationOptions, ledger,
                new FileDownload(waiting, mailboxSettings, polling, ledger, store, meters), localCopies, processor,
                clock);
    }
}
