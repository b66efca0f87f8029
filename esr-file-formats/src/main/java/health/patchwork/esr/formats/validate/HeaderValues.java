package health.patchwork.esr.formats.validate;

import java.time.LocalDateTime;

/**
 * Header values a report carries (structural, never personal). Inbound files have no run dates or version.
 *
 * @param previousRunDate null for {@code 00000000 000000} or when it did not parse
 */
public record HeaderValues(LocalDateTime creationTimestamp, LocalDateTime previousRunDate, LocalDateTime runDate,
                           String version, String vpd) {
}
