package health.patchwork.esr.formats.name;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GO_<VPD>_<SUB>_GDR_<YYYYMMDD>_00000001.DAT}: the full-refresh request we send (docs/spec/README.md §7.5). */
public record FullRefreshRequestName(String vpd, String subFileType, LocalDate requestDate) {

    /** A GDR always carries sequence 1. */
    public static final long SEQUENCE = 1;

    private static final Pattern GRAMMAR = Pattern.compile("GO_(\\d{3})_([A-Z0-9]{3})_GDR_(\\d{8})_00000001\\.DAT");

    public FullRefreshRequestName {
        Names.requireVpd(vpd);
        Names.requireCode(subFileType, "sub-file type");
        Objects.requireNonNull(requestDate, "requestDate");
    }

    public static Optional<FullRefreshRequestName> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        LocalDate date = Names.date(m.group(3));
        return date == null ? Optional.empty() : Optional.of(new FullRefreshRequestName(m.group(1), m.group(2), date));
    }

    public static FullRefreshRequestName parseOrThrow(String name) {
        return parse(name).orElseThrow(() -> new EsrFormatException(ErrorReason.INVALID_FILE_NAME,
                Names.quote(name) + " is not a GDR file name (GO_<VPD>_<SUB>_GDR_<YYYYMMDD>_00000001.DAT)"));
    }

    public String format() {
        return "GO_" + vpd + "_" + subFileType + "_GDR_" + Names.yyyymmdd(requestDate) + "_00000001.DAT";
    }

    @Override
    public String toString() {
        return format();
    }
}
