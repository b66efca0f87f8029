package health.patchwork.esr.formats.write;

import health.patchwork.esr.formats.layout.InterfaceLayout;

import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Settings of the inbound writers (docs/spec/README.md §10, docs/spec/inbound-files.md §1.1).
 *
 * @param charset             {@code inbound.charset}, default ISO-8859-1
 * @param recordSeparator     {@code inbound.recordSeparator}, default CR
 * @param terminateLastRecord {@code inbound.terminateLastRecord}, default false (no terminator after FTR)
 * @param attColumnCount      {@code inbound.attColumnCount}: 43 (default) or 40
 * @param rounding            rounding of amounts to 2 decimals, default HALF_UP; UNNECESSARY rejects values
 *                            with more decimals
 * @param transliteration     {@code inbound.transliteration}: characters replaced before the character check,
 *                            e.g. ’ → '
 * @param taLayout            ATT layout; null = bundled
 * @param absenceLayout       {@code inbound.absence.layout}; null = bundled
 */
public record InboundWriterOptions(Charset charset, String recordSeparator, boolean terminateLastRecord,
                                   int attColumnCount, RoundingMode rounding, Map<Character, String> transliteration,
                                   InterfaceLayout taLayout, InterfaceLayout absenceLayout) {

    public InboundWriterOptions {
        charset = charset == null ? StandardCharsets.ISO_8859_1 : charset;
        recordSeparator = recordSeparator == null ? "\r" : recordSeparator;
        if (attColumnCount != 40 && attColumnCount != 43) {
            attColumnCount = 43;
        }
        rounding = rounding == null ? RoundingMode.HALF_UP : rounding;
        transliteration = transliteration == null ? Map.of() : Map.copyOf(transliteration);
        taLayout = taLayout == null ? InterfaceLayout.taInbound() : taLayout;
        absenceLayout = absenceLayout == null ? InterfaceLayout.absenceInbound() : absenceLayout;
    }

    public static InboundWriterOptions defaults() {
        return new InboundWriterOptions(null, null, false, 43, null, null, null, null);
    }

    public InboundWriterOptions withAttColumnCount(int value) {
        return new InboundWriterOptions(charset, recordSeparator, terminateLastRecord, value, rounding,
                transliteration, taLayout, absenceLayout);
    }

    public InboundWriterOptions withRecordSeparator(String value, boolean terminateLast) {
        return new InboundWriterOptions(charset, value, terminateLast, attColumnCount, rounding, transliteration,
                taLayout, absenceLayout);
    }

    public InboundWriterOptions withRounding(RoundingMode value) {
        return new InboundWriterOptions(charset, recordSeparator, terminateLastRecord, attColumnCount, value,
                transliteration, taLayout, absenceLayout);
    }

    public InboundWriterOptions withTransliteration(Map<Character, String> value) {
        return new InboundWriterOptions(charset, recordSeparator, terminateLastRecord, attColumnCount, rounding,
                value, taLayout, absenceLayout);
    }
}
