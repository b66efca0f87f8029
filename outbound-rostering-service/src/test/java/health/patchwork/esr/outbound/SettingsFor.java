package health.patchwork.esr.outbound;

import java.util.HashMap;
import java.util.Map;

import health.patchwork.esr.outbound.config.OutboundSettings;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link OutboundSettings} bound from properties the way the service binds them (defaults included), for a test that
 * needs a setting other than the shared context's without starting a context of its own.
 */
public final class SettingsFor {

    private SettingsFor() {
    }

    /** The context's work folder and minimum file age, the service's defaults, and {@code properties} on top. */
    public static OutboundSettings outbound(OutboundSettings context, Map<String, String> properties) {
        Map<String, String> all = new HashMap<>();
        all.put("esr.outbound.work-dir", context.workDir().toString());
        all.put("esr.outbound.min-file-age", context.minFileAge().toString());
        all.putAll(properties);
        return new Binder(new MapConfigurationPropertySource(all)).bind("esr.outbound", OutboundSettings.class)
                .get();
    }
}
