package health.patchwork.esr.attendance;

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
        SpringApplication.run(AttendanceInboundApplication.class, arguments.toArray()).close();
    }

    @Test
    void anInvalidServiceSettingStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(StartupArguments.validFor(mailbox).with("esr.attendance.export-schedule", "at six every evening")));

        assertThat(output).contains("Invalid setting esr.attendance.export-schedule (environment variable ESR_ATTENDANCE_EXPORTSCHEDULE): must be a cron expression");
    }

    @Test
    void aMissingMailboxHostStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(StartupArguments.validFor(mailbox).without("esr.mailbox.host")));

        assertThat(output).contains("Invalid setting esr.mailbox.host (environment variable ESR_MAILBOX_HOST):");
    }

    @Test
    void theValidBaselineStarts() {
        start(StartupArguments.validFor(mailbox));
    }
}
