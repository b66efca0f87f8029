package health.patchwork.esr.formats.layout;

import health.patchwork.esr.formats.EsrFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterfaceLayoutTest {

    private final InterfaceLayout outbound = InterfaceLayout.outboundRostering("01");

    @Test
    void outboundV01HasEveryRecordTypeWithTheTabledCounts() {
        Map<String, Integer> counts = Map.ofEntries(Map.entry("PR", 44), Map.entry("AS", 51), Map.entry("PO", 24),
                Map.entry("OR", 16), Map.entry("LC", 22), Map.entry("CO", 16), Map.entry("AB", 48),
                Map.entry("CM", 27), Map.entry("CD", 16), Map.entry("QL", 13), Map.entry("ET", 57),
                Map.entry("ST", 58), Map.entry("PI", 57), Map.entry("TR", 30), Map.entry("EL", 26),
                Map.entry("DT", 15), Map.entry("PH", 8), Map.entry("AD", 16), Map.entry("VH", 15),
                Map.entry("HDR", 7), Map.entry("TRL", 2));
        counts.forEach((code, n) -> assertThat(outbound.byEntityCode(code).orElseThrow().aFieldCount())
                .as(code).isEqualTo(n));
        assertThat(outbound.records()).extracting(RecordLayout::entityCode)
                .containsExactlyInAnyOrderElementsOf(new ArrayList<>(counts.keySet()) {{ add("LOV"); }});
        for (String stored : List.of("PR", "AS", "PO", "OR", "LC", "CO", "AB", "CM", "CD", "QL", "ET", "ST")) {
            assertThat(outbound.byEntityCode(stored).orElseThrow().consumer()).isEqualTo(ConsumerClass.STORE);
        }
        for (String ignored : List.of("PI", "TR", "EL", "DT", "PH", "AD", "VH", "LOV")) {
            assertThat(outbound.byEntityCode(ignored).orElseThrow().consumer()).isEqualTo(ConsumerClass.ACCEPT_IGNORE);
        }
    }

    @Test
    void keysAndOwnIdsFollowTheSpec() {
        RecordLayout as = outbound.byRecordType("ASD").orElseThrow();
        assertThat(as.keyFieldNames()).containsExactly("Assignment ID", "Effective Start Date", "Effective End Date");
        assertThat(as.ownIdField()).isEqualTo("Assignment ID");
        assertThat(as.ownIdIndex()).isEqualTo(2);
        assertThat(as.dateTracked()).isTrue();
        assertThat(as.field("Effective End Date").mandatory()).isFalse();
        assertThat(as.field("Effective End Date").openEnd()).isTrue();
        assertThat(as.field("Effective Start Date").mandatory()).isTrue();
        assertThat(outbound.byRecordType("PRA").orElseThrow().field("Last Update Date").type()).isEqualTo(FieldType.D_T);
        assertThat(outbound.byRecordType("COA").orElseThrow().ownIdField()).isEqualTo("Costing Allocation ID");
        assertThat(outbound.byRecordType("LOV")).isPresent();
        assertThat(outbound.byRecordType("HDR")).isPresent();
        assertThat(outbound.byRecordType("PRX")).isEmpty();
        assertThat(outbound.byRecordType("HDRA")).isEmpty();
        assertThat(outbound.byRecordType("XXA")).isEmpty();
    }

    @Test
    void outboundJsonMatchesTheSpecCsvFieldForField() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/spec/outbound-layouts.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            for (String line : lines) {
                String[] c = line.split(",", -1);
                RecordLayout r = outbound.byEntityCode(c[0]).orElseThrow();
                FieldDef f = r.field(Integer.parseInt(c[1]));
                if (!c[1].equals("0")) {
                    assertThat(f.name()).isEqualTo(c[2]);
                }
                String type = c[3].startsWith("X(") ? "X" : c[3].replace("D/T", "D_T");
                assertThat(f.type().name()).as(line).isEqualTo(type);
                assertThat(f.key()).as(line).isEqualTo(c[4].equals("K"));
            }
            assertThat(lines).hasSize(outbound.records().stream().mapToInt(r -> r.fields().size()).sum() - 1);
        }
    }

    @Test
    void inboundLayoutsHaveTheTabledWidths() {
        RecordLayout att = InterfaceLayout.taInbound().byEntityCode("ATT").orElseThrow();
        assertThat(att.aFieldCount()).isEqualTo(43);
        assertThat(att.field(6).quoted()).isTrue();
        assertThat(att.field("Input Value 15 Value").index()).isEqualTo(36);
        assertThat(att.field(39).name()).isEqualTo("Costing Cost Centre");
        RecordLayout abs = InterfaceLayout.absenceInbound().byEntityCode("ABS").orElseThrow();
        assertThat(abs.aFieldCount()).isEqualTo(20);
        assertThat(abs.field("Absence Type").presenceFor("DEL")).isEqualTo(Presence.MUST_BE_EMPTY);
        assertThat(abs.field("End Date").presenceFor("END")).isEqualTo(Presence.REQUIRED);
        assertThat(InterfaceLayout.taInbound().byEntityCode("HDR").orElseThrow().aFieldCount()).isEqualTo(8);
        assertThat(InterfaceLayout.taInbound().byEntityCode("FTR").orElseThrow().aFieldCount()).isEqualTo(3);
    }

    @Test
    void aTrustCanDropInItsOwnLayoutFile(@TempDir Path dir) throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream(
                "/" + InterfaceLayout.RESOURCE_FOLDER + "outbound-rostering-v01.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"version\": \"01\"", "\"version\": \"07\"");
        }
        Path file = dir.resolve("outbound-rostering-v07.json");
        Files.writeString(file, json);

        InterfaceLayout own = InterfaceLayout.load(file);
        assertThat(own.version()).isEqualTo("07");
        assertThat(own.byRecordType("PRA").orElseThrow().aFieldCount()).isEqualTo(44);

        Files.writeString(file, "{\"interfaceName\":\"x\",\"version\":\"1\",\"delimiter\":\"~\",\"records\":["
                + "{\"entityCode\":\"PR\",\"consumer\":\"STORE\",\"aFieldCount\":3,\"fields\":["
                + "{\"index\":0,\"name\":\"Record Type\",\"type\":\"X\"}]}]}");
        assertThatThrownBy(() -> InterfaceLayout.load(file)).isInstanceOf(EsrFormatException.class)
                .hasMessageContaining("A-row count 3");
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> InterfaceLayout.load(file)).isInstanceOf(EsrFormatException.class);
    }
}
