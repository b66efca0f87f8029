package health.patchwork.esr.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.testsupport.settings.SettingsMetadata;

import org.junit.jupiter.api.Test;

/** Every esr.* setting this service reads has configuration metadata with a description, for operators' IDEs. */
class SettingsMetadataTest {

    @Test
    void everyEsrSettingIsDescribed() {
        assertThat(SettingsMetadata.namesWithPrefix("esr.")).contains("esr.attendance.export-schedule", "esr.mailbox.host", "esr.payrolls");
        assertThat(SettingsMetadata.undescribed("esr.")).as("settings without a description").isEmpty();
    }
}
