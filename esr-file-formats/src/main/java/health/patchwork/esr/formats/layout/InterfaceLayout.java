package health.patchwork.esr.formats.layout;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All record layouts of one version of one interface, loaded from data (JSON) so that a new spec version,
 * or a Trust's own variant, is a new resource and not new code.
 */
public final class InterfaceLayout {

    /** Classpath folder of the bundled layouts. */
    public static final String RESOURCE_FOLDER = "health/patchwork/esr/formats/layouts/";
    public static final String OUTBOUND_ROSTERING = "outbound-rostering";
    public static final String TA_INBOUND = "ta-inbound";
    public static final String ABSENCE_INBOUND = "absence-inbound";

    private static final Map<String, InterfaceLayout> BUNDLED = new ConcurrentHashMap<>();

    private final String interfaceName;
    private final String version;
    private final char delimiter;
    private final Map<String, RecordLayout> byEntityCode;

    public InterfaceLayout(String interfaceName, String version, char delimiter, List<RecordLayout> records) {
        this.interfaceName = interfaceName;
        this.version = version;
        this.delimiter = delimiter;
        Map<String, RecordLayout> map = new LinkedHashMap<>();
        for (RecordLayout r : records) {
            if (map.put(r.entityCode(), r) != null) {
                throw new EsrFormatException(ErrorReason.INVALID_LAYOUT,
                        interfaceName + " v" + version + ": record " + r.entityCode() + " appears twice");
            }
        }
        this.byEntityCode = Collections.unmodifiableMap(map);
    }

    /**
     * Loads a layout from the classpath: a bare file name is looked up in {@link #RESOURCE_FOLDER}
     * (e.g. {@code "outbound-rostering-v01.json"}), anything with a slash is taken as a full resource path.
     */
    public static InterfaceLayout load(String resourceName) {
        String path = resourceName.contains("/") ? resourceName : RESOURCE_FOLDER + resourceName;
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        try (InputStream in = InterfaceLayout.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new EsrFormatException(ErrorReason.INVALID_LAYOUT, "no layout resource " + path);
            }
            return LayoutJson.read(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a layout file, e.g. a Trust's own version dropped in next to the configuration. */
    public static InterfaceLayout load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return LayoutJson.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bundled layout {@code <interfaceName>-v<version>.json}, cached; empty when no such version is bundled.
     */
    public static Optional<InterfaceLayout> bundled(String interfaceName, String version) {
        String resource = interfaceName + "-v" + version + ".json";
        if (InterfaceLayout.class.getClassLoader().getResource(RESOURCE_FOLDER + resource) == null) {
            return Optional.empty();
        }
        return Optional.of(BUNDLED.computeIfAbsent(resource, InterfaceLayout::load));
    }

    public static InterfaceLayout outboundRostering(String version) {
        return bundled(OUTBOUND_ROSTERING, version).orElseThrow(() -> new EsrFormatException(
                ErrorReason.INVALID_LAYOUT, "no bundled outbound layout for interface version " + version));
    }

    public static InterfaceLayout taInbound() {
        return bundled(TA_INBOUND, "01").orElseThrow();
    }

    public static InterfaceLayout absenceInbound() {
        return bundled(ABSENCE_INBOUND, "01").orElseThrow();
    }

    public String interfaceName() {
        return interfaceName;
    }

    public String version() {
        return version;
    }

    public char delimiter() {
        return delimiter;
    }

    public Collection<RecordLayout> records() {
        return byEntityCode.values();
    }

    /** Layout by entity code ("PR") or unsuffixed record type ("HDR", "LOV", "ATT"). */
    public Optional<RecordLayout> byEntityCode(String entityCode) {
        return Optional.ofNullable(byEntityCode.get(entityCode));
    }

    /**
     * Layout by record type as it appears in field 0: "PRA", "PRD", "HDR", "LOV". Empty for unknown types,
     * including a known entity with an unknown suffix ("PRX").
     */
    public Optional<RecordLayout> byRecordType(String recordType) {
        return Optional.ofNullable(lookupRecordType(recordType));
    }

    /** As {@link #byRecordType(String)} without the Optional, for hot loops. */
    public RecordLayout lookupRecordType(String recordType) {
        if (recordType == null) {
            return null;
        }
        RecordLayout exact = byEntityCode.get(recordType);
        if (exact != null && !exact.suffixed()) {
            return exact;
        }
        int n = recordType.length();
        if (n < 2) {
            return null;
        }
        char op = recordType.charAt(n - 1);
        if (op != 'A' && op != 'D') {
            return null;
        }
        RecordLayout r = byEntityCode.get(recordType.substring(0, n - 1));
        return r != null && r.suffixed() ? r : null;
    }

    @Override
    public String toString() {
        return "InterfaceLayout[" + interfaceName + " v" + version + ", " + byEntityCode.size() + " record types]";
    }
}
