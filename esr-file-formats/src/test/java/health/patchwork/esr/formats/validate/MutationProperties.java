package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.Samples;
import health.patchwork.esr.formats.read.OutboundReader;
import health.patchwork.esr.formats.read.ReaderOptions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Randomly damaged files: validators report and never throw; the validating reader throws only our error. */
class MutationProperties {

    private static final byte[] INTERESTING = {'~', ',', '"', '\r', '\n', ' ', '0', '9', 'A', 'D', (byte) 0xE2, 0, '-',
            '.', ':'};

    @Provide
    Arbitrary<String> samples() {
        return Arbitraries.of(Samples.FULL, Samples.CHANGE, Samples.TA, Samples.AB, Samples.GDR);
    }

    static byte[] mutate(byte[] original, long seed) {
        Random random = new Random(seed);
        byte[] b = original.clone();
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            int at = random.nextInt(b.length);
            byte value = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = value;
                case 1 -> {
                    byte[] longer = Arrays.copyOf(b, b.length + 1);
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    longer[at] = value;
                    b = longer;
                }
                case 2 -> {
                    byte[] shorter = new byte[b.length - 1];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                    b = shorter;
                }
                default -> b = Arrays.copyOf(b, at);
            }
        }
        return b;
    }

    @Property(tries = 400)
    void validatorsReportAndNeverThrow(@ForAll("samples") String sample, @ForAll long seed) {
        byte[] damaged = mutate(Samples.bytes(sample), seed);

        ValidationReport outbound = new OutboundFileValidator(OutboundValidationOptions.forVpd("123"))
                .validate(new ByteArrayInputStream(damaged), sample);
        ValidationReport inbound = new InboundFileValidator(InboundValidationOptions.forVpd("123"))
                .validate(new ByteArrayInputStream(damaged), sample);
        ValidationReport gdr = new FullRefreshRequestValidator("123").validate(new ByteArrayInputStream(damaged), sample);

        assertThat(outbound.outcome()).isNotNull();
        assertThat(inbound.outcome()).isNotNull();
        assertThat(gdr.outcome()).isNotNull();
        if (!outbound.isValid()) {
            assertThat(outbound.issues()).isNotEmpty();
        }
    }

    @Property(tries = 400)
    void validatingReaderThrowsOnlyEsrFormatException(@ForAll("samples") String sample, @ForAll long seed) {
        byte[] damaged = mutate(Samples.bytes(sample), seed);

        Throwable thrown = catchThrowable(() -> {
            try (OutboundReader reader = OutboundReader.open(new ByteArrayInputStream(damaged), sample,
                    ReaderOptions.defaults())) {
                reader.forEach(r -> {
                    for (int i = 0; i < r.fieldCount(); i++) {
                        r.get(i);
                    }
                    r.entityId();
                });
            }
        });
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(EsrFormatException.class);
        }
    }
}
