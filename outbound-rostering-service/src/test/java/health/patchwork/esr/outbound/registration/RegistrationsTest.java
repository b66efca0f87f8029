package health.patchwork.esr.outbound.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import health.patchwork.esr.outbound.GoFile;
import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Registrations are read through the configured mapping; dates come parsed and as sent. */
class RegistrationsTest extends OutboundTestBase {

    @Autowired
    Registrations registrations;
    @Autowired
    JsonMapper json;

    @Test
    void theDefaultMappingReadsTheSampleAndTheApiReturnsParsedDatesWithTheText() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();

        assertThat(registrations.of("100001")).singleElement().isEqualTo(new Registrations.Registration("7501",
                "Nursing and Midwifery Council", "12A3456E", LocalDate.of(2018, 6, 4), "04/06/2018 00:00:00",
                LocalDate.of(2027, 5, 31), "31/05/2027 00:00:00", "Sub-Part 1 RNA (Adult)", "CURRENT"));

        JsonNode worker = json.readTree(RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/v1/workers/20000001")
                .header("Authorization", "Bearer " + TestTokens.platformAndOperator())
                .retrieve().body(String.class));
        JsonNode registration = worker.get("registrations").get(0);
        assertThat(registration.get("registeredFrom").asString()).isEqualTo("2018-06-04");
        assertThat(registration.get("registeredFromText").asString()).isEqualTo("04/06/2018 00:00:00");
        assertThat(registration.get("expiry").asString()).isEqualTo("2027-05-31");
        assertThat(registration.get("expiryText").asString()).isEqualTo("31/05/2027 00:00:00");
    }

    @Test
    void anotherMappingReadsOtherFieldsOfAnotherInformationType() {
        GoFile file = GoFile.full(41, "20261101")
                .add(GoFile.person(100001, "Test"))
                .add(extraInfo(100001, 7601, "Professional Registration", 10, "Health and Care Professions Council",
                        11, " PA12345 ", 12, "1/2/2019", 13, "31/02/2027", 40, "Paramedic"))
                .add(extraInfo(100001, 7602, "NHS Regs and Memships", 5, "Nursing and Midwifery Council",
                        6, "12A3456E", 7, "04/06/2018 00:00:00", 9, "31/05/2027 00:00:00", 36, "RNA"));
        mailbox.deliver(file.name(), file.content());
        mailbox.poll();
        assertThat(ledgerOutcome(file.name())).isEqualTo("APPLIED/APPLIED");
        Registrations configured = new Registrations(JdbcClient.create(jdbc),
                new RegistrationMapping("Professional Registration", 10, 11, 12, 13, 40));

        assertThat(configured.of("100001")).singleElement().isEqualTo(new Registrations.Registration("7601",
                "Health and Care Professions Council", "PA12345", LocalDate.of(2019, 2, 1), "1/2/2019",
                null, "31/02/2027", "Paramedic", "CURRENT"));
        assertThat(registrations.of("100001")).extracting(Registrations.Registration::personExtraInfoId)
                .containsExactly("7602");
    }

    /** An ETA row with the given (field number, value) pairs after person, ID and information type. */
    private static String extraInfo(long personId, long id, String informationType, Object... fieldsAndValues) {
        String[] f = new String[57];
        java.util.Arrays.fill(f, "");
        f[0] = "ETA";
        f[1] = String.valueOf(personId);
        f[2] = String.valueOf(id);
        f[3] = informationType;
        f[4] = informationType;
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            f[(Integer) fieldsAndValues[i]] = (String) fieldsAndValues[i + 1];
        }
        f[56] = "20260601 232041";
        return String.join("~", f);
    }
}
