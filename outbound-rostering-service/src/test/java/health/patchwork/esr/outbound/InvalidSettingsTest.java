package health.patchwork.esr.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.patchwork.esr.testsupport.ServiceStartupTest;
import health.patchwork.esr.testsupport.StartupArguments;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** A missing or invalid setting stops start-up with one line naming the property and its environment variable. */
class InvalidSettingsTest extends ServiceStartupTest {

    private static void start(StartupArguments arguments) {
        run(OutboundRosteringApplication.class, arguments);
    }

    @Test
    void aVpdThatIsNotThreeDigitsStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.trust.vpd", "12")));

        assertThat(output).contains("Invalid setting esr.trust.vpd (environment variable ESR_TRUST_VPD):"
                + " must be the Trust's 3-digit ESR VPD number");
    }

    @Test
    void aMissingVpdStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().without("esr.trust.vpd")));

        assertThat(output).contains("Invalid setting esr.trust.vpd (environment variable ESR_TRUST_VPD): must not be null");
    }

    @Test
    void aPrivateKeyThatCannotBeReadStopsStartUpWithoutShowingThePath(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid()
                .with("esr.mailbox.private-key", "/nonexistent/secret-key-path")));

        assertThat(output).contains("Invalid setting esr.mailbox.private-key (environment variable"
                + " ESR_MAILBOX_PRIVATEKEY): must name a readable file");
    }

    @Test
    void aPortThatIsNotANumberStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.mailbox.port", "twenty-two")));

        assertThat(output).contains("Invalid setting esr.mailbox.port (environment variable ESR_MAILBOX_PORT):"
                + " could not be read as int");
    }

    @Test
    void anInvalidServiceSettingStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.outbound.sub-file-type", "rostering")));

        assertThat(output).contains("Invalid setting esr.outbound.sub-file-type (environment variable"
                + " ESR_OUTBOUND_SUBFILETYPE): must be 3 upper-case letters or digits");
    }

    @Test
    void aRegistrationThresholdNamedTwiceStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.outbound.registration-notices.thresholds", "90,30,30")));

        assertThat(output).contains("Invalid setting esr.outbound.registration-notices.thresholds (environment"
                + " variable ESR_OUTBOUND_REGISTRATIONNOTICES_THRESHOLDS): must not name a number of days twice");
    }

    @Test
    void aNegativeDiskSpaceMarginStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.outbound.disk-space-margin", "-1MB")));

        assertThat(output).contains("Invalid setting esr.outbound.disk-space-margin (environment variable"
                + " ESR_OUTBOUND_DISKSPACEMARGIN): must be a size of zero or more");
    }

    @Test
    void aMonthlyFullRefreshScheduleStarts() {
        start(valid().with("esr.outbound.full-refresh-schedule", "0 0 6 1 * *")
                .with("esr.outbound.poll-interval", "1h"));
    }

    @Test
    void theValidBaselineStarts() {
        start(valid());
    }
}
