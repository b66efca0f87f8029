package health.patchwork.esr.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The spec's sample files, copied byte for byte into src/test/resources/samples. */
public final class Samples {

    public static final String FULL = "GO_123_RST_GOF_20261101_00000041.DAT";
    public static final String CHANGE = "GO_123_RST_GOC_20261102_00000042.DAT";
    public static final String GDR = "GO_123_RST_GDR_20261104_00000001.DAT";
    public static final String TA = "TA_123_PWH_MN2708_00000007.DAT";
    public static final String AB = "AB_123_PWH_MN2708_00000003.DAT";

    private Samples() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample decoded as ISO-8859-1 (one char per byte). */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.ISO_8859_1);
    }

    public static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
