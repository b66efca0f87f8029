package health.patchwork.esr.outbound.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import health.patchwork.esr.outbound.load.WorkforceMerger;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The change feed: entity changes in applied order. Files are applied one at a time under a database lock, so the
 * feed's sequence is its commit order and a reader that follows {@code nextCursor} never misses or repeats a row.
 */
@RestController
@Validated
@RequestMapping("/api/v1/changes")
@Tag(name = "Change feed")
public class ChangeFeedController {

    private final WorkforceMerger feed;

    ChangeFeedController(WorkforceMerger feed) {
        this.feed = feed;
    }

    @GetMapping
    @Operation(summary = "Entity changes after a cursor, oldest first; start with after=0")
    public ApiModel.ChangePage changes(@RequestParam(defaultValue = "0") String after,
                                       @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
        long cursor = parseCursor(after);
        List<ApiModel.Change> rows = feed.changesAfter(cursor, limit + 1).stream()
                .map(row -> new ApiModel.Change(row.seq(), row.entityType(), row.entityId(), row.change(),
                        row.fileId(), row.appliedAt()))
                .toList();
        List<ApiModel.Change> page = rows.stream().limit(limit).toList();
        long next = page.isEmpty() ? cursor : page.get(page.size() - 1).seq();
        return new ApiModel.ChangePage(page, Long.toString(next), rows.size() > limit);
    }

    private static long parseCursor(String after) {
        try {
            long cursor = Long.parseLong(after);
            if (cursor < 0) {
                throw Problems.badRequest("after must be a cursor returned by this feed, or 0");
            }
            return cursor;
        } catch (NumberFormatException e) {
            throw Problems.badRequest("after must be a cursor returned by this feed, or 0");
        }
    }
}
