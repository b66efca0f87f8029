package health.patchwork.esr.attendance.intake;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import health.patchwork.esr.attendance.config.AttendanceSettings;
import health.patchwork.esr.attendance.config.TextRules;
import health.patchwork.esr.attendance.mapping.ClaimValues;
import health.patchwork.esr.attendance.mapping.PayCodeMapping;
import health.patchwork.esr.attendance.mapping.PayCodes;
import health.patchwork.esr.attendance.mapping.ValueSource;
import health.patchwork.esr.attendance.period.PayDates;
import health.patchwork.esr.support.web.FieldError;

import org.springframework.stereotype.Component;

/**
 * The checks of one line that need no database: presence, formats, pay code, bounds, characters, date. Messages
 * name the field and never repeat the value.
 */
@Component
class LineValidator {

    static final Pattern LINE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
    private static final int MAX_TEXT = 30;

    private final PayCodes payCodes;
    private final PayDates payDates;
    private final AttendanceSettings settings;

    LineValidator(PayCodes payCodes, PayDates payDates, AttendanceSettings settings) {
        this.payCodes = payCodes;
        this.payDates = payDates;
        this.settings = settings;
    }

    /** Adds the problems of {@code line} to {@code errors}; returns the checked line when there are none. */
    CheckedLine check(int index, String path, TimesheetLineRequest line, String lineId, List<FieldError> errors) {
        int before = errors.size();
        if (lineId == null || lineId.isEmpty()) {
            errors.add(error(path, "lineId", "is required"));
        } else if (!LINE_ID.matcher(lineId).matches()) {
            errors.add(error(path, "lineId", "must be 1 to 64 letters, digits or . _ : / - starting with a letter or digit"));
        }
        text(path, "assignmentNumber", line.assignmentNumber(), true, errors);
        text(path, "costCentre", line.costCentre(), false, errors);

        PayCodeMapping mapping = null;
        if (line.payCode() == null || line.payCode().isEmpty()) {
            errors.add(error(path, "payCode", "is required"));
        } else {
            mapping = payCodes.find(line.payCode()).orElse(null);
            if (mapping == null) {
                errors.add(error(path, "payCode", "is not a known pay code"));
            }
        }
        if (line.quantity() == null) {
            errors.add(error(path, "quantity", "is required"));
        } else if (line.quantity().stripTrailingZeros().scale() > 2) {
            errors.add(error(path, "quantity", "must have at most 2 decimals"));
        } else if (mapping != null && (line.quantity().compareTo(mapping.minQuantity()) < 0
                || line.quantity().compareTo(mapping.maxQuantity()) > 0)) {
            errors.add(error(path, "quantity", "must be between " + mapping.minQuantity().toPlainString() + " and "
                    + mapping.maxQuantity().toPlainString() + " for this pay code"));
        }
        if (mapping != null) {
            money(path, "rate", line.rate(), mapping.needs(ValueSource.RATE), 4, errors);
            money(path, "amount", line.amount(), mapping.needs(ValueSource.AMOUNT), 2, errors);
        }

        // the period depends on the assignment's payroll: placed once the assignment is read
        if (line.dateWorked() == null) {
            errors.add(error(path, "dateWorked", "is required"));
        } else if (line.dateWorked().isAfter(payDates.today())) {
            errors.add(error(path, "dateWorked", "is in the future"));
        }
        if (errors.size() > before) {
            return null;
        }
        ClaimValues values = new ClaimValues(lineId, line.assignmentNumber(), line.dateWorked(), line.payCode(),
                line.quantity(), line.rate(), line.amount(), emptyToNull(line.costCentre()));
        if (payCodes.allNumericZero(values)) {
            errors.add(error(path, "quantity", "is zero once the pay code's rounding is applied"));
            return null;
        }
        return CheckedLine.of(index, values);
    }

    private void text(String path, String field, String value, boolean required, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            if (required) {
                errors.add(error(path, field, "is required"));
            }
            return;
        }
        // checked as it will be written: after the configured transliteration
        String problem = TextRules.problem(settings.transliterate(value), false);
        if (problem != null) {
            errors.add(error(path, field, problem));
        } else if (value.length() > MAX_TEXT) {
            errors.add(error(path, field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static void money(String path, String field, BigDecimal value, boolean needed, int scale,
                              List<FieldError> errors) {
        if (needed && value == null) {
            errors.add(error(path, field, "is required for this pay code"));
        } else if (!needed && value != null) {
            errors.add(error(path, field, "is not used by this pay code"));
        } else if (value != null && value.signum() <= 0) {
            errors.add(error(path, field, "must be positive"));
        } else if (value != null && value.stripTrailingZeros().scale() > scale) {
            errors.add(error(path, field, "must have at most " + scale + " decimals"));
        } else if (value != null && value.compareTo(new BigDecimal("99999999")) > 0) {
            errors.add(error(path, field, "is too large"));
        }
    }

    static FieldError error(String path, String field, String reason) {
        return new FieldError(path.isEmpty() ? field : path + "." + field, reason);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
