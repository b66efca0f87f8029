package health.patchwork.esr.outbound.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.FileReport;
import health.patchwork.esr.outbound.ledger.FileReports;
import health.patchwork.esr.outbound.ledger.LedgerEntry;
import health.patchwork.esr.outbound.load.DryRun;
import health.patchwork.esr.outbound.load.DryRunGaveWayException;
import health.patchwork.esr.outbound.load.FileApplier;
import health.patchwork.esr.outbound.load.ThresholdCheck;
import health.patchwork.esr.outbound.ops.FileOperations;
import health.patchwork.esr.outbound.sequence.RefreshRequester;
import health.patchwork.esr.support.audit.AuditChannel;
import health.patchwork.esr.support.web.Paging;

import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;


/** The file ledger for operators: list, report, approve or reject a held file, reprocess, refresh, dry run. */
@RestController
@Validated
@RequestMapping("/api/v1")
@Tag(name = "Files")
public class FileController {

    private final FileLedger ledger;
    private final FileOperations operations;
    private final DryRun dryRun;
    private final FileReports reports;

    public FileController(FileLedger ledger, FileOperations operations, DryRun dryRun, FileReports reports) {
        this.ledger = ledger;
        this.operations = operations;
        this.dryRun = dryRun;
        this.reports = reports;
    }

    @GetMapping("/files")
    @Operation(summary = "The file ledger, newest first")
    public ApiModel.Page<ApiModel.FileEntry> files(
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<LedgerEntry> rows = ledger.page(Paging.offset(page, size), size + 1);
        return new ApiModel.Page<>(rows.stream().limit(size).map(FileController::entry).toList(), page, size,
                rows.size() > size);
    }

    @GetMapping("/files/{id}")
    @Operation(summary = "One file's report: counts per record type, rejects with line and field, its history")
    public FileReport<ApiModel.FileEntry> file(@PathVariable long id) {
        return reports.of(id, entry(find(id)));
    }

    @PostMapping("/files/{id}/approve")
    @Operation(summary = "Approve a full file held by the safety threshold: it is applied now")
    public ApiModel.FileEntry approve(@PathVariable long id) {
        return entry(operations.approve(id, AuditChannel.REST));
    }

    @PostMapping("/files/{id}/reject")
    @Operation(summary = "Reject a held file: it is quarantined and never applied")
    public ApiModel.FileEntry reject(@PathVariable long id) {
        return entry(operations.reject(id, AuditChannel.REST));
    }

    @PostMapping("/files/{id}/reprocess")
    @Operation(summary = "Process a quarantined file again, e.g. after a configuration fix")
    public ApiModel.FileEntry reprocess(@PathVariable long id) {
        return entry(operations.reprocess(id, AuditChannel.REST));
    }

    @PostMapping("/refresh-requests")
    @Operation(summary = "Ask ESR for a full refresh (GDR); at most one a day")
    public ApiModel.RefreshRequestResult requestRefresh() {
        RefreshRequester.Result result = operations.requestFullRefresh(AuditChannel.REST);
        return new ApiModel.RefreshRequestResult(result.fileName(), result.sent(), result.reason());
    }

    @PostMapping(path = "/dry-runs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Validate a file and show the changes it would make; nothing is committed. Operators only;"
            + " gives way to imports (409 Dry run gave way)")
    public ApiModel.DryRunResult dryRun(@RequestPart("file") MultipartFile upload) {
        String fileName = upload.getOriginalFilename();
        if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw Problems.badRequest("the uploaded part must carry the file's name");
        }
        Path temp = copy(upload);
        try {
            DryRun.Result result;
            try {
                result = dryRun.run(temp, fileName);
            } catch (DryRunGaveWayException gaveWay) {
                throw Problems.conflict("Dry run gave way", "An import of a file from ESR needed the apply lock, and"
                        + " imports come before dry runs. Nothing was kept; ask again once the import has finished.");
            }
            FileApplier.Result applied = result.applied();
            Map<String, Long> counts = new LinkedHashMap<>();
            if (applied != null) {
                applied.changes().forEach(c -> counts.put(c.entityType() + " " + c.change(), c.count()));
            }
            return new ApiModel.DryRunResult(fileName, result.report().outcome().name(), result.report(),
                    result.decision() == null ? null : result.decision().name(),
                    applied != null && ThresholdCheck.exceeded(applied.figures()),
                    applied == null ? null : applied.figures(), counts,
                    result.changes().stream().map(c -> new ApiModel.DiffEntry(c.entityType(), c.entityId(), c.change()))
                            .toList(), result.truncated());
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a temp file; the OS cleans the temp folder
            }
        }
    }

    private LedgerEntry find(long id) {
        return ledger.find(id).orElseThrow(() -> Problems.notFound("File " + id));
    }


    private static Path copy(MultipartFile upload) {
        try (InputStream in = upload.getInputStream()) {
            Path temp = Files.createTempFile("esr-dry-run-", ".DAT");
            Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return temp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiModel.FileEntry entry(LedgerEntry e) {
        return new ApiModel.FileEntry(e.id(), e.fileName(), e.direction(), e.extractType(), e.sequenceNumber(),
                e.state().name(), e.outcome(), e.sha256(), e.sizeBytes(), e.runDate(), e.discoveredAt(),
                e.updatedAt(), e.detail(), e.downloadAttempts(), e.lastFailure(), e.lastFailureAt());
    }
}
