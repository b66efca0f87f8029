package health.patchwork.esr.testsupport.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata the build's processor wrote into every jar on the class path
 * ({@code META-INF/spring-configuration-metadata.json}): what an IDE completes and describes.
 */
public final class SettingsMetadata {

    /** One property as the metadata lists it. */
    public record Property(String name, String description) {
    }

    private SettingsMetadata() {
    }

    /** The names of the properties starting with {@code prefix}. */
    public static List<String> namesWithPrefix(String prefix) {
        return withPrefix(prefix).stream().map(Property::name).toList();
    }

    /** The properties starting with {@code prefix} that an IDE would show without a description. */
    public static List<String> undescribed(String prefix) {
        return withPrefix(prefix).stream().filter(p -> p.description() == null || p.description().isBlank())
                .map(Property::name).toList();
    }

    /** Every property of every metadata file on the class path whose name starts with {@code prefix}. */
    public static List<Property> withPrefix(String prefix) {
        List<Property> found = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(SettingsMetadata.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        if (name.startsWith(prefix)) {
                            found.add(new Property(name, property.path("description").asString(null)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
