package health.patchwork.esr.console.overview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** How the pages say what the services answer in codes: times in UK time, states and components in words. */
final class Words {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
            .withZone(UK);

    private static final Map<String, String> COMPONENTS = Map.ofEntries(
            Map.entry("db", "Database"),
            Map.entry("mailbox", "ESR mailbox (SFTP)"),
            Map.entry("mailboxPoller", "Checking the mailbox for files"),
            Map.entry("mailboxRetries", "Deliveries being tried again"),
            Map.entry("outboundArrivals", "Files from ESR"),
            Map.entry("outboundFeed", "Held files and refresh requests"),
            Map.entry("export", "Files to ESR"),
            Map.entry("leadership", "Which instance does the scheduled work"),
            Map.entry("notifications", "Notifications to the platform"),
            Map.entry("diskSpace", "Disk space"),
            Map.entry("ping", "Service running"),
            Map.entry("livenessState", "Alive"),
            Map.entry("readinessState", "Ready for requests"),
            Map.entry("ssl", "Certificates"));

    private static final Map<String, String> OUTCOMES = Map.ofEntries(
            Map.entry("HELD_THRESHOLD", "held: it would end more records than the safety threshold allows"),
            Map.entry("REJECTED_BY_OPERATOR", "rejected by an operator"),
            Map.entry("REJECTED_DUPLICATE_NAME_CHANGED", "refused: a file of this name came before with other content"));

    private Words() {
    }

    static String component(String name) {
        return COMPONENTS.getOrDefault(name, name);
    }

    static String status(String code) {
        return switch (code) {
            case "UP" -> "OK";
            case "ATTENTION" -> "Needs attention";
            case "DOWN" -> "Down";
            case "OUT_OF_SERVICE" -> "Out of service";
            case "UNKNOWN" -> "Not known yet";
            default -> code;
        };
    }

    /** A ledger outcome or state code as words, e.g. {@code HELD_SEQUENCE_GAP} as "held sequence gap". */
    static String code(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String known = OUTCOMES.get(code);
        return known != null ? known : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** An ISO instant as UK time; anything else as it came. */
    static String when(@Nullable String instant) {
        if (instant == null || instant.isBlank()) {
            return "";
        }
        try {
            return WHEN.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
