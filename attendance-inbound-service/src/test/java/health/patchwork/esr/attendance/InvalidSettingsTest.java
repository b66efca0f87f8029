package health.patchwork.esr.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.patchwork.esr.testsupport.ServiceStartupTest;
import health.patchwork.esr.testsupport.StartupArguments;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** A missing or invalid setting stops start-up with one line naming the property and its environment variable. */
class InvalidSettingsTest extends ServiceStartupTest {

    private static void start(StartupArguments arguments) {
        run(AttendanceInboundApplication.class, arguments);
    }

    @Test
    void anInvalidServiceSettingStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.attendance.export-schedule", "at six every evening")));

        assertThat(output).contains("Invalid setting esr.attendance.export-schedule (environment variable ESR_ATTENDANCE_EXPORTSCHEDULE): must be a cron expression");
    }

    @Test
    void aRequestSizeLimitOutOfRangeOrANestingDepthOfOneStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.web.max-request-size", "10B")
                .with("esr.web.json.max-nesting-depth", "1")));

        assertThat(output).contains("Invalid setting esr.web.max-request-size (environment variable"
                        + " ESR_WEB_MAXREQUESTSIZE): must be between 1KB and 1GB")
                .contains("Invalid setting esr.web.json.max-nesting-depth (environment variable"
                        + " ESR_WEB_JSON_MAXNESTINGDEPTH): must be greater than or equal to 4");
    }

    @Test
    void aMissingMailboxHostStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().without("esr.mailbox.host")));

        assertThat(output).contains("Invalid setting esr.mailbox.host (environment variable ESR_MAILBOX_HOST):");
    }

    @Test
    void anUnsupportedHostKeyAlgorithmOrAZeroReadTimeoutStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.mailbox.host-key-algorithms", "ssh-ed25519,ssh-ed448")
                .with("esr.mailbox.read-timeout", "0s")));

        assertThat(output).contains("Invalid setting esr.mailbox.host-key-algorithms (environment variable"
                + " ESR_MAILBOX_HOSTKEYALGORITHMS): not supported: [ssh-ed448]; supported: [")
                .contains("Invalid setting esr.mailbox.read-timeout (environment variable ESR_MAILBOX_READTIMEOUT):");
    }

    @Test
    void aMissingPayCodeMappingStopsStartUp(CapturedOutput output) {
        // only the service's own application.yml: no pay codes at all
        assertThatThrownBy(() -> start(valid()
                .with("spring.config.location", "classpath:/")));

        assertThat(output).contains("Invalid setting esr.attendance.pay-codes (environment variable ESR_ATTENDANCE_PAYCODES):"
                + " must map at least one pay code to an ESR element");
    }

    @Test
    void anInvalidInputValueSourceStopsStartUpNamingThePayCodeAndTheInputValue(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid()
                .with("esr.attendance.pay-codes.NEW.element", "New Element")
                .with("esr.attendance.pay-codes.NEW.input-values[0].name", "Hours")
                .with("esr.attendance.pay-codes.NEW.input-values[0].source", "HOURZ")));

        assertThat(output).contains("Invalid setting esr.attendance.pay-codes.NEW.input-values[0].source"
                + " (environment variable ESR_ATTENDANCE_PAYCODES_NEW_INPUTVALUES_0_SOURCE): must be HOURS, UNITS,"
                + " RATE, AMOUNT, WORK_DATE, LINE_ID or CONSTANT:<text>");
    }

    @Test
    void aFormatThatDoesNotSuitTheSourceStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid()
                .with("esr.attendance.pay-codes.NEW.element", "New Element")
                .with("esr.attendance.pay-codes.NEW.input-values[0].name", "Date Worked")
                .with("esr.attendance.pay-codes.NEW.input-values[0].source", "WORK_DATE")
                .with("esr.attendance.pay-codes.NEW.input-values[0].format", "DECIMAL_2")));

        assertThat(output).contains("Invalid setting esr.attendance.pay-codes.NEW.input-values[0].format"
                + " (environment variable ESR_ATTENDANCE_PAYCODES_NEW_INPUTVALUES_0_FORMAT): does not suit the source");
    }

    @Test
    void anElementNameThatCannotBeWrittenStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid()
                .with("esr.attendance.pay-codes.BANK.element", "Bank \"Hours\"")));

        assertThat(output).contains("Invalid setting esr.attendance.pay-codes.BANK.element"
                + " (environment variable ESR_ATTENDANCE_PAYCODES_BANK_ELEMENT): must be ISO-8859-1 text without double"
                + " quotes");
    }

    @Test
    void anInvalidCalendarStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid()
                .with("esr.attendance.calendar.cut-off-days-after-period-end", "9")));

        assertThat(output).contains("Invalid setting esr.attendance.calendar.cut-off-days-after-period-end");
    }

    @Test
    void aTransliterationToAForbiddenCharacterStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid()
                .with("esr.attendance.transliteration.[\u2019]", "\"")));

        assertThat(output).contains("Invalid setting esr.attendance.transliteration (environment variable"
                + " ESR_ATTENDANCE_TRANSLITERATION): must map single characters");
    }

    @Test
    void payCodesCanComeFromEnvironmentVariablesWhichLowerCaseTheirKeys() {
        // ESR_ATTENDANCE_PAYCODES_NIGHT_ELEMENT etc. bind map key "night"; lines say NIGHT
        try (var context = org.springframework.boot.SpringApplication.run(AttendanceInboundApplication.class, valid()
                        .with("esr.attendance.pay-codes.night.element", "Night Hours")
                        .with("esr.attendance.pay-codes.night.input-values[0].name", "Hours")
                        .with("esr.attendance.pay-codes.night.input-values[0].source", "HOURS").toArray())) {
            assertThat(context.getBean(health.patchwork.esr.attendance.mapping.PayCodes.class).find("NIGHT"))
                    .get().extracting(health.patchwork.esr.attendance.mapping.PayCodeMapping::element)
                    .isEqualTo("Night Hours");
        }
    }

    @Test
    void theExamplePayCodeProfileStartsWithoutATrustMapping() {
        // what the sandbox and docker-compose run until a Trust sets its own pay codes
        start(valid().with("spring.config.location", "classpath:/")
                .with("spring.profiles.active", "example-pay-codes"));
    }

    @Test
    void theValidBaselineStarts() {
        start(valid());
    }
}
