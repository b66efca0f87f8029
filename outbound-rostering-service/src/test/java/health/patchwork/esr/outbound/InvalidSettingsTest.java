package health.patchwork.esr.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.patchwork.esr.testsupport.StartupArguments;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A missing or invalid setting stops start-up with one line naming the property and its environment variable. */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSettingsTest {

    private static EmbeddedSftpServer mailbox;

    @BeforeAll
    static void startMailbox() {
        mailbox = EmbeddedSftpServer.start();
    }

    @AfterAll
    static void stopMailbox() {
        mailbox.close();
    }

    private static void start(StartupArguments arguments) {
        SpringApplication.run(OutboundRosteringApplication.class, arguments.toArray()).close();
    }

    @Test
    void aVpdThatIsNotThreeDigitsStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(StartupArguments.validFor(mailbox).with("esr.trust.vpd", "12")));

        assertThat(output).contains("Invalid setting esr.trust.vpd (environment variable ESR_TRUST_VPD):"
                + " must be the Trust's 3-digit ESR VPD number");
    }

    @Test
    void aMissingVpdStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(StartupArguments.validFor(mailbox).without("esr.trust.vpd")));

        assertThat(output).contains("Invalid setting esr.trust.vpd (environment variable ESR_TRUST_VPD): must not be null");
    }

    @Test
    void aPrivateKeyThatCannotBeReadStopsStartUpWithoutShowingThePath(CapturedOutput output) {
        assertThatThrownBy(() -> start(StartupArguments.validFor(mailbox)
                .with("esr.mailbox.private-key", "/nonexistent/secret-key-path")));

        assertThat(output).contains("Invalid setting esr.mailbox.private-key (environment variable"
                + " ESR_MAILBOX_PRIVATEKEY): must name a readable file");
    }

    @Test
    void aPortThatIsNotANumberStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(StartupArguments.validFor(mailbox).with("esr.mailbox.port", "twenty-two")));

        assertThat(output).contains("Invalid setting esr.mailbox.port (environment variable ESR_MAILBOX_PORT):"
                + " could not be read as int");
    }

    @Test
    void anInvalidServiceSettingStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(StartupArguments.validFor(mailbox).with("esr.outbound.sub-file-type", "rostering")));

        assertThat(output).contains("Invalid setting esr.outbound.sub-file-type (environment variable"
                + " ESR_OUTBOUND_SUBFILETYPE): must be 3 upper-case letters or digits");
    }

    @Test
    void aMonthlyFullRefreshScheduleStarts() {
        start(StartupArguments.validFor(mailbox).with("esr.outbound.full-refresh-schedule", "0 0 6 1 * *")
                .with("esr.outbound.poll-interval", "1h"));
    }

    @Test
    void theValidBaselineStarts() {
        start(StartupArguments.validFor(mailbox));
    }
}
