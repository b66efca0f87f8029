package health.patchwork.esr.outbound.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.patchwork.esr.outbound.OutboundRosteringApplication;
import health.patchwork.esr.testsupport.ServiceStartupTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** The registration mapping is validated at start-up like every other setting. */
class RegistrationMappingSettingsTest extends ServiceStartupTest {

    @Test
    void aRegistrationFieldOutsideTheInformationFieldsStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> run(OutboundRosteringApplication.class,
                valid().with("esr.outbound.registration-mapping.body-field", "3")));

        assertThat(output).contains("Invalid setting esr.outbound.registration-mapping.body-field (environment"
                + " variable ESR_OUTBOUND_REGISTRATIONMAPPING_BODYFIELD): must be an ET field number from 5"
                + " (PEI_INFORMATION1) to 55 (PEI_ATTRIBUTE20)");
    }

    @Test
    void anotherValidMappingStarts() {
        run(OutboundRosteringApplication.class, valid()
                .with("esr.outbound.registration-mapping.information-type", "Professional Registration")
                .with("esr.outbound.registration-mapping.expiry-field", "13"));
    }
}
