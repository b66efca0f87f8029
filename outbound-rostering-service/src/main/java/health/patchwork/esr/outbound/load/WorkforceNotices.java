package health.patchwork.esr.outbound.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.support.notification.EventType;
import health.patchwork.esr.support.notification.Notification;
import health.patchwork.esr.support.notification.Notifications;

import org.springframework.stereotype.Component;

/**
 * Tells the platform that staff records changed ({@code workforce.changed}): the change-feed rows one apply wrote,
 * as ids and cursors only, so the receiver fetches {@code GET /api/v1/changes?after=<after>} for what changed. A big
 * file is told in parts of at most {@link #IDS_PER_EVENT} ids, each with its own cursor range, all under entity
 * {@code workforce} so that they arrive in feed order.
 */
@Component
class WorkforceNotices {

    /** Ids in one event: a body of some tens of kilobytes, well under what receivers accept. */
    static final int IDS_PER_EVENT = 500;

    private final WorkforceMerger feed;
    private final Notifications notifications;

    WorkforceNotices(WorkforceMerger feed, Notifications notifications) {
        this.feed = feed;
        this.notifications = notifications;
    }

    /**
     * Publishes, in the apply's transaction, the feed rows with {@code after < seq <= upTo}: nothing when there are
     * none. Applies are serialised, so no other file's rows are in the range.
     *
     * @param rows how many feed rows the range holds (to number the parts)
     */
    void changed(long fileId, String fileName, long after, long upTo, long rows) {
        if (upTo <= after || rows == 0 || !notifications.wanted(EventType.WORKFORCE_CHANGED)) {
            return;
        }
        long parts = (rows + IDS_PER_EVENT - 1) / IDS_PER_EVENT;
        long cursor = after;
        int part = 0;
        while (cursor < upTo) {
            List<WorkforceMerger.FeedRow> chunk = feed.changesAfter(cursor, IDS_PER_EVENT).stream()
                    .filter(row -> row.seq() <= upTo).toList();
            if (chunk.isEmpty()) {
                break;
            }
            long last = chunk.get(chunk.size() - 1).seq();
            part++;
            Map<String, Object> data = new LinkedHashMap<>();
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("after", Long.toString(cursor));
            range.put("upTo", Long.toString(last));
            data.put("cursor", range);
            data.put("fileName", fileName);
            data.put("fileId", fileId);
            data.put("part", part);
            data.put("parts", Math.max(parts, part));
            data.put("changes", chunk.stream()
                    .map(row -> (Object) Map.of("entityType", row.entityType(), "entityId", row.entityId())).toList());
            notifications.publish(Notification.of(EventType.WORKFORCE_CHANGED, "workforce", data));
            cursor = last;
        }
    }
}
