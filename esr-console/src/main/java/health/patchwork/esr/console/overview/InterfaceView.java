package health.patchwork.esr.console.overview;

import java.util.List;

import org.jspecify.annotations.Nullable;

import health.patchwork.esr.console.services.EsrService;

/**
 * One ESR interface on the overview: how its service is, and what an operator decides about.
 *
 * @param state UP, ATTENTION, DOWN, UNREACHABLE or NOT_DEPLOYED; the CSS class and the word shown
 * @param reason why, when not UP
 * @param components the service's health components, worst first
 * @param leadership which instance does the scheduled work, or why that is not known
 * @param lastFromEsr the newest file from ESR (outbound), null when none or not this interface's direction
 * @param lastToEsr the newest file to ESR (a TA or AB file, or a full-refresh request)
 * @param waiting files an operator must decide about, or that are not yet confirmed on the mailbox
 * @param filesReason why the file list could not be read; empty when it was
 * @param notifications the undelivered webhook notifications
 */
public record InterfaceView(EsrService service, String state, String stateWords, String reason,
                            List<ComponentView> components, String leadership, @Nullable FileLine lastFromEsr,
                            @Nullable FileLine lastToEsr, List<FileGroup> waiting, String filesReason,
                            NotificationsView notifications) {

    public boolean deployed() {
        return !"NOT_DEPLOYED".equals(state);
    }

    public boolean answered() {
        return !"UNREACHABLE".equals(state) && deployed();
    }

    /** One file as a line of the page: its name, where it is, and when that happened. */
    public record FileLine(String name, String state, String when, String note) {
    }

    /** Files in one situation, e.g. held for an operator; {@code total} may exceed the files listed. */
    public record FileGroup(String title, String explanation, List<FileLine> files, long total) {

        public boolean more() {
            return total > files.size();
        }
    }

    /**
     * @param name the component's name as the service gives it
     * @param label what it is, in words
     * @param details the component's details as text, for the page's technical-details disclosure
     */
    public record ComponentView(String name, String label, String status, String statusWords, String reason,
                                List<Detail> details) {
    }

    public record Detail(String name, String value) {
    }

    /**
     * @param available whether the service has the notification outbox (an older version does not)
     * @param reason why the outbox is not shown, when it is not
     */
    public record NotificationsView(boolean available, String reason, List<EndpointLine> endpoints) {

        public long undelivered() {
            return endpoints.stream().mapToLong(e -> e.pending() + e.dead()).sum();
        }
    }

    /** One webhook endpoint's queue: waiting to be sent, given up after the last attempt, oldest not delivered. */
    public record EndpointLine(String endpoint, long pending, long dead, String oldestUndelivered) {
    }
}
