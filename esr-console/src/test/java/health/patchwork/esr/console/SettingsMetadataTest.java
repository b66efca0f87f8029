package health.patchwork.esr.console;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.testsupport.settings.SettingsMetadata;

import org.junit.jupiter.api.Test;

/** Every esr.console.* setting has configuration metadata with a description, for operators' IDEs. */
class SettingsMetadataTest {

    @Test
    void everyConsoleSettingIsDescribed() {
        assertThat(SettingsMetadata.namesWithPrefix("esr.console.")).contains("esr.console.services.outbound",
                "esr.console.services.credentials.token-file", "esr.console.sign-in.mode",
                "esr.console.sign-in.local.password");
        assertThat(SettingsMetadata.undescribed("esr.console.")).as("settings without a description").isEmpty();
    }
}
