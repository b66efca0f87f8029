package health.patchwork.esr.formats.name;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.calendar.TaxPeriod;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <PFX>_<VPD>_<SYS>_<T><R><YY><PP>_<SEQ8>.DAT} with PFX {@code TA} or {@code AB} (docs/spec/inbound-files.md §1.2).
 *
 * @param taxYear YY, the two-digit year in which the tax year ends
 * @param period  PP, 1..{@link PeriodType#maxPeriod()}
 */
public record InboundFileName(InboundFileType fileType, String vpd, String sourceSystem, PeriodType periodType,
                              PeriodRun periodRun, int taxYear, int period, long sequence) {

    private static final Pattern GRAMMAR =
            Pattern.compile("(TA|AB)_(\\d{3})_([A-Z0-9]{3})_([WMLF])([NS])(\\d{2})(\\d{2})_(\\d{8})\\.DAT");

    public InboundFileName {
        Objects.requireNonNull(fileType, "fileType");
        Names.requireVpd(vpd);
        Names.requireCode(sourceSystem, "source-system code");
        Objects.requireNonNull(periodType, "periodType");
        Objects.requireNonNull(periodRun, "periodRun");
        if (taxYear < 0 || taxYear > 99) {
            throw Names.invalid("tax year must be two digits");
        }
        if (period < 1 || period > periodType.maxPeriod()) {
            throw Names.invalid("period must be 01.." + periodType.maxPeriod() + " for period type "
                    + periodType.code());
        }
        Names.requireSequence(sequence);
    }

    public InboundFileName(InboundFileType fileType, String vpd, String sourceSystem, PeriodType periodType,
                           PeriodRun periodRun, TaxPeriod taxPeriod, long sequence) {
        this(fileType, vpd, sourceSystem, periodType, periodRun, taxPeriod.taxYear(), taxPeriod.period(), sequence);
    }

    /** Empty when the name does not follow the grammar or the period is out of range for its type. */
    public static Optional<InboundFileName> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        PeriodType type = PeriodType.fromCode(m.group(4).charAt(0)).orElseThrow();
        int period = Integer.parseInt(m.group(7));
        if (period < 1 || period > type.maxPeriod()) {
            return Optional.empty();
        }
        return Optional.of(new InboundFileName(InboundFileType.valueOf(m.group(1)), m.group(2), m.group(3), type,
                PeriodRun.fromCode(m.group(5).charAt(0)).orElseThrow(), Integer.parseInt(m.group(6)), period,
                Long.parseLong(m.group(8))));
    }

    public static InboundFileName parseOrThrow(String name) {
        return parse(name).orElseThrow(() -> new EsrFormatException(ErrorReason.INVALID_FILE_NAME,
                Names.quote(name) + " is not a TA/AB file name (<TA|AB>_<VPD>_<SYS>_<T><R><YY><PP>_<SEQ8>.DAT)"));
    }

    public TaxPeriod taxPeriod() {
        return new TaxPeriod(taxYear, period);
    }

    public String format() {
        TaxPeriod p = taxPeriod();
        return fileType.name() + "_" + vpd + "_" + sourceSystem + "_" + periodType.code() + periodRun.code()
                + p.yy() + p.pp() + "_" + Names.seq8(sequence) + ".DAT";
    }

    @Override
    public String toString() {
        return format();
    }
}
