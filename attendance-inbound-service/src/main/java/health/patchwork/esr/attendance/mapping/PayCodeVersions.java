package health.patchwork.esr.attendance.mapping;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pay-code mappings in force and every one used before ({@code pay_code_mapping}). At start-up each configured
 * mapping is recorded once (by fingerprint); claims carry the id of the mapping they were accepted under.
 */
public class PayCodeVersions {

    /** Case-insensitive, as pay codes bound from environment variables arrive lower-cased. */
    private final Map<String, Long> current = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<Long, PayCodeMapping> byId = new HashMap<>();

    public PayCodeVersions(PayCodeSettings settings, JdbcClient jdbc) {
        settings.payCodes().forEach((code, mapping) -> {
            String text = encode(mapping);
            String fingerprint = sha256(code + "\n" + text);
            jdbc.sql("insert into pay_code_mapping (pay_code, fingerprint, mapping) values (?, ?, ?)"
                    + " on conflict (pay_code, fingerprint) do nothing").params(code, fingerprint, text).update();
            current.put(code, jdbc.sql("select id from pay_code_mapping where pay_code = ? and fingerprint = ?")
                    .params(code, fingerprint).query(Long.class).single());
        });
        jdbc.sql("select id, mapping from pay_code_mapping")
                .query(rs -> {
                    byId.put(rs.getLong(1), decode(rs.getString(2)));
                });
    }

    /** The id of the mapping now in force for {@code payCode}. */
    public long currentId(String payCode) {
        Long id = current.get(payCode);
        if (id == null) {
            throw new IllegalArgumentException("pay code not mapped: " + payCode);
        }
        return id;
    }

    /** The mapping a claim was accepted under; null when the id is unknown. */
    public PayCodeMapping byId(long id) {
        return byId.get(id);
    }

    /** One line per part; names cannot hold tabs or line breaks (they are checked as writable text). */
    static String encode(PayCodeMapping m) {
        StringBuilder sb = new StringBuilder().append(m.element()).append('\n')
                .append(m.minQuantity().toPlainString()).append('\n').append(m.maxQuantity().toPlainString());
        for (InputValueMapping iv : m.inputValues()) {
            sb.append('\n').append(iv.name()).append('\t').append(iv.source()).append('\t')
                    .append(iv.effectiveFormat().name()).append('\t').append(iv.rounding().name());
        }
        return sb.toString();
    }

    static PayCodeMapping decode(String text) {
        String[] lines = text.split("\n", -1);
        List<InputValueMapping> values = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            String[] p = lines[i].split("\t", -1);
            values.add(new InputValueMapping(p[0], p[1], ValueFormat.valueOf(p[2]), Rounding.valueOf(p[3])));
        }
        // whether the quantity is worked hours decides a check before export, not the row: it is not recorded
        return new PayCodeMapping(lines[0], values, new BigDecimal(lines[1]), new BigDecimal(lines[2]), true);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
