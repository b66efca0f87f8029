package health.patchwork.esr.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.testsupport.settings.SettingsMetadata;

import org.junit.jupiter.api.Test;

/** Every esr.* setting this service reads has configuration metadata with a description, for operators' IDEs. */
class SettingsMetadataTest {

    @Test
    void everyEsrSettingIsDescribed() {
        var properties = SettingsMetadata.withPrefix("esr.");

        assertThat(properties).extracting(SettingsMetadata.Property::name).contains("esr.attendance.export-schedule", "esr.mailbox.host", "esr.payrolls");
        assertThat(properties).filteredOn(p -> p.description() == null || p.description().isBlank())
                .extracting(SettingsMetadata.Property::name).as("settings without a description").isEmpty();
    }
}
