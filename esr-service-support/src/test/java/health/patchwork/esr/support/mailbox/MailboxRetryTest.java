package health.patchwork.esr.support.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class MailboxRetryTest {

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    MailboxRetry retry = new MailboxRetry(new MailboxRetrySettings(3, Duration.ofMillis(10), 2,
            Duration.ofMillis(40)), meters, Clock.systemUTC());
    MailboxRetryHealth health = new MailboxRetryHealth(retry);

    @Test
    void aDeliveryTheMailboxFailsIsTriedAgainAndShowsOnHealthWhileItIs() {
        List<Status> seen = new ArrayList<>();
        int[] calls = {0};

        String result = retry.call("AB delivery", () -> {
            seen.add(health.health().getStatus());
            if (++calls[0] < 3) {
                throw new MailboxException("connection reset", null);
            }
            return "sent";
        });

        assertThat(result).isEqualTo("sent");
        assertThat(calls[0]).isEqualTo(3);
        assertThat(seen).extracting(Status::getCode).containsExactly("UP", "ATTENTION", "ATTENTION");
        assertThat(health.health().getStatus()).as("done").isEqualTo(Status.UP);
        assertThat(meters.counter("esr.mailbox.retries", "operation", "AB delivery", "outcome", "retried").count())
                .isEqualTo(2);
        assertThat(meters.counter("esr.mailbox.retries", "operation", "AB delivery", "outcome", "recovered").count())
                .isEqualTo(1);
    }

    @Test
    void retriesAreBoundedAndTheLastFailureIsThrown() {
        int[] calls = {0};

        assertThatThrownBy(() -> retry.call("TA delivery", () -> {
            calls[0]++;
            throw new MailboxException("unreachable " + calls[0], null);
        })).isInstanceOf(MailboxException.class).hasMessage("unreachable 4");

        assertThat(calls[0]).as("one try and three retries").isEqualTo(4);
        assertThat(meters.counter("esr.mailbox.retries", "operation", "TA delivery", "outcome", "exhausted").count())
                .isEqualTo(1);
        assertThat(retry.retrying()).isEmpty();
    }

    @Test
    void aNameAlreadyTakenOnTheMailboxAndOtherFailuresAreNotTriedAgain() {
        int[] calls = {0};

        assertThatThrownBy(() -> retry.call("AB delivery", () -> {
            calls[0]++;
            throw new RemoteFileExistsException("AB_123_PWH_MN2708_00000001.DAT exists");
        })).isInstanceOf(RemoteFileExistsException.class);
        assertThatThrownBy(() -> retry.call("AB delivery", () -> {
            calls[0]++;
            throw new IllegalStateException("not the mailbox");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(calls[0]).isEqualTo(2);
    }
}
