package health.patchwork.esr.formats.cli;

import health.patchwork.esr.formats.validate.ValidationIssue;
import health.patchwork.esr.formats.validate.ValidationReport;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON form of reports for {@code validate --json}: plain maps, so the output shape is explicit. */
final class ReportJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ReportJson() {
    }

    static String toJson(List<ValidationReport> reports) {
        List<Object> out = new ArrayList<>();
        for (ValidationReport r : reports) {
            out.add(toMap(r));
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    }

    private static Map<String, Object> toMap(ValidationReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.fileName());
        m.put("kind", r.fileKind().name());
        m.put("outcome", r.outcome().name());
        if (r.header() != null) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("creationTimestamp", str(r.header().creationTimestamp()));
            h.put("previousRunDate", str(r.header().previousRunDate()));
            h.put("runDate", str(r.header().runDate()));
            h.put("version", r.header().version());
            h.put("vpd", r.header().vpd());
            m.put("header", h);
        }
        m.put("lineCount", r.lineCount());
        m.put("trailerCount", r.trailerCount());
        m.put("countsByRecordType", r.countsByRecordType());
        m.put("unknownRecordTypes", r.unknownRecordTypes());
        m.put("totalIssueCount", r.totalIssueCount());
        m.put("issues", issues(r.issues()));
        m.put("warnings", issues(r.warnings()));
        return m;
    }

    private static List<Object> issues(List<ValidationIssue> issues) {
        List<Object> out = new ArrayList<>();
        for (ValidationIssue i : issues) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", i.line());
            m.put("recordType", i.recordType());
            m.put("field", i.fieldName());
            m.put("outcome", i.outcome() == null ? null : i.outcome().name());
            m.put("expected", i.expected());
            m.put("actual", i.actual());
            m.put("message", i.message());
            out.add(m);
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
