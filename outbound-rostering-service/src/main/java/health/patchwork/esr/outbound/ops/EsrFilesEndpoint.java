package health.patchwork.esr.outbound.ops;

import java.util.List;

import org.jspecify.annotations.Nullable;

import health.patchwork.esr.outbound.ledger.FileReport;
import health.patchwork.esr.outbound.ledger.FileSummary;
import health.patchwork.esr.outbound.ledger.LedgerEntry;
import health.patchwork.esr.outbound.sequence.RefreshRequester;
import health.patchwork.esr.support.audit.AuditChannel;
import health.patchwork.esr.support.audit.OperationRefusedException;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/esrfiles}: the files ESR sent and the requests we sent, and the operators' decisions about them.
 * Operator-only like the rest of actuator. Refusals come back as problem details with a 4xx status, as over REST.
 */
@Component
@Endpoint(id = "esrfiles")
public class EsrFilesEndpoint {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final FileOverview overview;
    private final FileOperations operations;

    EsrFilesEndpoint(FileOverview overview, FileOperations operations) {
        this.overview = overview;
        this.operations = operations;
    }

    /** {@code GET /actuator/esrfiles?limit=50}: newest first. */
    @ReadOperation
    public List<FileSummary> files(@Nullable Integer limit) {
        int rows = limit == null ? DEFAULT_LIMIT : limit;
        if (rows < 1 || rows > MAX_LIMIT) {
            throw new InvalidEndpointRequestException("limit out of range", "limit must be between 1 and " + MAX_LIMIT);
        }
        return overview.recent(rows);
    }

    /** {@code GET /actuator/esrfiles/{id}}: the ledger entry, counts, validation report and history of one file. */
    @ReadOperation
    public FileReport<FileSummary> file(@Selector long id) {
        return overview.report(id).orElseThrow(() -> OperationRefusedException.notFound("File " + id));
    }

    /** {@code POST /actuator/esrfiles/{id}/approve|reject|reprocess}. */
    @WriteOperation
    public FileSummary fileOperation(@Selector long id, @Selector String operation) {
        LedgerEntry entry = switch (operation) {
            case "approve" -> operations.approve(id, AuditChannel.ACTUATOR);
            case "reject" -> operations.reject(id, AuditChannel.ACTUATOR);
            case "reprocess" -> operations.reprocess(id, AuditChannel.ACTUATOR);
            default -> throw OperationRefusedException.notFound("Operation " + operation);
        };
        return overview.summary(entry.id()).orElseThrow();
    }

    /** {@code POST /actuator/esrfiles/full-refresh}: send a full-refresh request (GDR) now. */
    @WriteOperation
    public RefreshRequester.Result serviceOperation(@Selector String operation) {
        if (!operation.equals("full-refresh")) {
            throw OperationRefusedException.notFound("Operation " + operation);
        }
        return operations.requestFullRefresh(AuditChannel.ACTUATOR);
    }
}
