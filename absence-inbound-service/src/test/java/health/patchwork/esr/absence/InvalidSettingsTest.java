package health.patchwork.esr.absence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.patchwork.esr.testsupport.ServiceStartupTest;
import health.patchwork.esr.testsupport.StartupArguments;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** A missing or invalid setting stops start-up with one line naming the property and its environment variable. */
class InvalidSettingsTest extends ServiceStartupTest {

    private static void start(StartupArguments arguments) {
        run(AbsenceInboundApplication.class, arguments.with("esr.absence.work-dir", "target/absence-startup-work"));
    }

    @Test
    void anInvalidServiceSettingStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.inbound.period-type", "Q")));

        assertThat(output).contains("Invalid setting esr.inbound.period-type (environment variable ESR_INBOUND_PERIODTYPE): must be W, F, L or M");
    }

    @Test
    void aMissingMailboxHostStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().without("esr.mailbox.host")));

        assertThat(output).contains("Invalid setting esr.mailbox.host (environment variable ESR_MAILBOX_HOST):");
    }

    @Test
    void sicknessInHoursStopsStartUpNamingTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.absence.mapping.sickness.units", "H")));

        assertThat(output).contains("Invalid setting esr.absence.mapping.sickness.units"
                + " (environment variable ESR_ABSENCE_MAPPING_SICKNESS_UNITS): must be D: sickness is recorded in calendar days");
    }

    @Test
    void aMissingAbsenceTypeStopsStartUpNamingTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid()
                .with("esr.absence.mapping.study-leave.absence-type", "")));

        assertThat(output).contains("Invalid setting esr.absence.mapping.study-leave.absence-type"
                + " (environment variable ESR_ABSENCE_MAPPING_STUDYLEAVE_ABSENCETYPE): must name the ESR absence type");
    }

    @Test
    void aSicknessReasonOffTheNationalListStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid()
                .with("esr.absence.mapping.sickness.reasons.COLD", "Common cold")));

        assertThat(output).contains("Invalid setting esr.absence.mapping.sickness.reasons"
                + " (environment variable ESR_ABSENCE_MAPPING_SICKNESS_REASONS): every reason must be one of"
                + " esr.absence.mapping.national-sickness-reasons");
    }

    @Test
    void anInvalidReferencePrefixStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.absence.reference-prefix", "pwh_")));

        assertThat(output).contains("Invalid setting esr.absence.reference-prefix");
    }

    @Test
    void aZeroReconcileIntervalStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.absence.reconcile-interval", "0s")));

        assertThat(output).contains("Invalid setting esr.absence.reconcile-interval"
                + " (environment variable ESR_ABSENCE_RECONCILEINTERVAL): must be at least 10 seconds");
    }

    @Test
    void theValidBaselineStarts() {
        start(valid());
    }

    @Test
    void aBankOnlyTrustRefusesToStartWithOneLine(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.trust.bank-only", "true")));

        assertThat(output).contains("The Generic Absence Inbound interface is off for this Trust"
                + " (esr.trust.bank-only=true)");
        assertThat(output).doesNotContain("\tat health.patchwork");
    }
}
