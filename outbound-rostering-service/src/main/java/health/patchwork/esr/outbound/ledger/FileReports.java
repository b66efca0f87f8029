package health.patchwork.esr.outbound.ledger;

import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Builds {@link FileReport}s from the ledger: the one read model of a file's report for every channel. */
@Component
public class FileReports {

    private final FileLedger ledger;
    private final JsonMapper json;

    public FileReports(FileLedger ledger, JsonMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    /** The report of ledger entry {@code id}, with {@code file} as the caller shows it. */
    public <F> FileReport<F> of(long id, F file) {
        FileLedger.Documents documents = ledger.documents(id);
        return new FileReport<>(file, map(documents.recordCounts()), map(documents.unknownRecordTypes()),
                documents.report() == null ? null : json.readValue(documents.report(), Object.class),
                ledger.events(id));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String text) {
        return text == null ? Map.of() : json.readValue(text, Map.class);
    }
}
