package health.patchwork.esr.support.workforce;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What ESR's feed says today about an assignment on a date that a line or an absence claims: checked again just
 * before a file goes, since the feed may have ended or changed the assignment after the item was accepted.
 *
 * @param finding    payable; not in the feed at all; ended before the date; or the date outside every slice
 * @param lastPayDay for an ended assignment, the last day it was payable (the end of its last payable slice)
 */
public record AssignmentOnDate(Finding finding, LocalDate lastPayDay) {

    public enum Finding { PAYABLE, NOT_IN_FEED, ENDED, OUTSIDE_SLICES }

    public boolean payable() {
        return finding == Finding.PAYABLE;
    }

    /**
     * The finding for {@code date} among the assignment's {@code slices}: payable when a slice covers it with a
     * status not in {@code inactiveStatuses}; ended when the slice covering it is inactive, or when every payable
     * slice ended before it and none starts after it; otherwise outside every slice (before the first, or in a gap).
     */
    public static AssignmentOnDate of(List<AssignmentSlice> slices, LocalDate date, Collection<String> inactiveStatuses) {
        if (slices == null || slices.isEmpty()) {
            return new AssignmentOnDate(Finding.NOT_IN_FEED, null);
        }
        Set<String> inactive = Set.copyOf(inactiveStatuses);
        Optional<AssignmentSlice> covering = slices.stream().filter(s -> s.covers(date)).findFirst();
        Optional<LocalDate> lastPayDay = slices.stream()
                .filter(s -> !inactive.contains(status(s)) && s.end() != null && s.end().isBefore(date))
                .map(AssignmentSlice::end).max(LocalDate::compareTo);
        if (covering.isPresent()) {
            return inactive.contains(status(covering.get()))
                    ? new AssignmentOnDate(Finding.ENDED, lastPayDay.orElse(null))
                    : new AssignmentOnDate(Finding.PAYABLE, null);
        }
        boolean startsLater = slices.stream().anyMatch(s -> s.start().isAfter(date));
        return lastPayDay.isPresent() && !startsLater ? new AssignmentOnDate(Finding.ENDED, lastPayDay.get())
                : new AssignmentOnDate(Finding.OUTSIDE_SLICES, null);
    }

    private static String status(AssignmentSlice slice) {
        return slice.status() == null ? "" : slice.status();
    }

    /** The reason an operator and the platform read, naming no person. */
    public String reason(String what, LocalDate date) {
        return switch (finding) {
            case PAYABLE -> "assignment payable on " + date;
            case NOT_IN_FEED -> "assignment no longer in ESR's feed";
            case ENDED -> "assignment ended" + (lastPayDay == null ? "" : " on " + lastPayDay) + ", before the "
                    + what + " " + date;
            case OUTSIDE_SLICES -> "the " + what + " " + date + " is outside every slice of the assignment";
        };
    }
}
