package health.patchwork.esr.formats.name;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GO_<VPD>_<SUB>_GO[F|C]_<YYYYMMDD>_<SEQ8>.DAT} (docs/spec/README.md §4). */
public record OutboundFileName(String vpd, String subFileType, ExtractType extractType, LocalDate extractDate,
                               long sequence) {

    private static final Pattern GRAMMAR =
            Pattern.compile("GO_(\\d{3})_([A-Z0-9]{3})_GO([FC])_(\\d{8})_(\\d{8})\\.DAT");

    public OutboundFileName {
        Names.requireVpd(vpd);
        Names.requireCode(subFileType, "sub-file type");
        Objects.requireNonNull(extractType, "extractType");
        Objects.requireNonNull(extractDate, "extractDate");
        Names.requireSequence(sequence);
    }

    /** Empty when the name does not follow the grammar (including an impossible date). */
    public static Optional<OutboundFileName> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        LocalDate date = Names.date(m.group(4));
        if (date == null) {
            return Optional.empty();
        }
        return Optional.of(new OutboundFileName(m.group(1), m.group(2), ExtractType.fromCode(m.group(3).charAt(0)),
                date, Long.parseLong(m.group(5))));
    }

    public static OutboundFileName parseOrThrow(String name) {
        return parse(name).orElseThrow(() -> new EsrFormatException(ErrorReason.INVALID_FILE_NAME,
                Names.quote(name) + " is not a GO file name (GO_<VPD>_<SUB>_GO[F|C]_<YYYYMMDD>_<SEQ8>.DAT)"));
    }

    public boolean isFull() {
        return extractType == ExtractType.FULL;
    }

    public String format() {
        return "GO_" + vpd + "_" + subFileType + "_GO" + extractType.code() + "_" + Names.yyyymmdd(extractDate)
                + "_" + Names.seq8(sequence) + ".DAT";
    }

    @Override
    public String toString() {
        return format();
    }
}
