package health.patchwork.esr.support.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event the suite tells the platform of, by its name on the wire ({@code type} in the body). Names are
 * dotted, most general first, so an endpoint can subscribe to a family ({@code outbound.file.*}).
 */
public enum EventType {

    /** Staff records changed: the change feed's cursor range and the ids that changed, never a person's details. */
    WORKFORCE_CHANGED("workforce.changed"),
    /** A professional registration expires in 90, 30 or 7 days. */
    REGISTRATION_EXPIRING("registration.expiring"),
    /** A professional registration has expired. */
    REGISTRATION_EXPIRED("registration.expired"),
    /** A GO file is held for an operator (a threshold, a gap in the sequence). */
    OUTBOUND_FILE_HELD("outbound.file.held"),
    /** A GO file was refused and quarantined. */
    OUTBOUND_FILE_QUARANTINED("outbound.file.quarantined"),
    /** A GO file was applied to the workforce tables. */
    OUTBOUND_FILE_APPLIED("outbound.file.applied"),
    /** A TA or AB file was put on the mailbox. */
    INBOUND_FILE_SENT("inbound.file.sent"),
    /** A line was held back from the file by a pre-flight check. */
    LINE_HELD("line.held"),
    /** ESR's outbound data echoes an absence we sent. */
    ABSENCE_CONFIRMED("absence.confirmed"),
    /** An absence we sent is still not echoed by ESR after the confirmation window. */
    ABSENCE_UNCONFIRMED("absence.unconfirmed"),
    /** A period's file is past its cut-off and not yet sent. */
    EXPORT_OVERDUE("export.overdue");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> byWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    /** Whether a subscription pattern ({@code *}, {@code prefix.*} or an exact name) takes this type. */
    static boolean matches(String pattern, EventType type) {
        if ("*".equals(pattern)) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return type.wireName.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return type.wireName.equals(pattern);
    }

    /** Whether a pattern takes any type at all: a subscription to nothing is a typo. */
    static boolean matchesAny(String pattern) {
        return pattern != null && Arrays.stream(values()).anyMatch(type -> matches(pattern, type));
    }
}
