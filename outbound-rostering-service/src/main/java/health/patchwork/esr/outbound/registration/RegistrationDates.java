package health.patchwork.esr.outbound.registration;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registration dates arrive as free text in PEI fields, seen as {@code DD/MM/YYYY HH:MM:SS}. Read leniently
 * (spec §4.11): one- or two-digit day and month, the time optional and ignored, spaces around; anything else, or a
 * date that does not exist, reads as null and the caller still has the text.
 */
final class RegistrationDates {

    private static final Pattern DATE =
            Pattern.compile("\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*");

    private RegistrationDates() {
    }

    static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
