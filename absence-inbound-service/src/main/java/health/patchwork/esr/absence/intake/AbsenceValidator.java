package health.patchwork.esr.absence.intake;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import health.patchwork.esr.absence.config.AbsenceSettings;
import health.patchwork.esr.absence.mapping.AbsenceCategory;
import health.patchwork.esr.absence.mapping.AbsenceDetails;
import health.patchwork.esr.absence.mapping.AbsenceMapper;
import health.patchwork.esr.absence.mapping.AbsenceRowCheck;
import health.patchwork.esr.absence.mapping.EsrAbsenceType;
import health.patchwork.esr.absence.period.PayrollPeriods;
import health.patchwork.esr.absence.store.NewAbsence;
import health.patchwork.esr.formats.write.AbsenceOperation;
import health.patchwork.esr.formats.write.InboundWriterOptions;
import health.patchwork.esr.support.payroll.PayrollCalendar;
import health.patchwork.esr.support.workforce.AssignmentOnDate;
import health.patchwork.esr.support.workforce.AssignmentSlice;
import health.patchwork.esr.support.workforce.PublishedSlices;
import health.patchwork.esr.support.web.FieldError;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks one absence completely before it is stored (docs/spec/inbound-files.md §1.4): every problem is reported with the
 * field's JSON path and a reason, never with the value. A valid absence comes back mapped to its ESR details.
 */
@Component
class AbsenceValidator {

    private static final String ASSIGNMENT = "[0-9]{1,20}(-[0-9]{1,3})?";
    private static final BigDecimal MAX_UNITS = new BigDecimal("9999999");
    private static final Map<String, String> JSON_FIELD_OF_LAYOUT_FIELD = Map.of(
            "Assignment Number", "assignmentNumber", "Absence Type", "category", "Absence Reason", "reason",
            "Start Date", "startDate", "Start Time", "startTime", "End Date", "endDate", "End Time", "endTime",
            "Third Party System Reference", "absenceId");

    private final AbsenceSettings settings;
    private final AbsenceMapper mapper;
    private final PayrollPeriods periods;
    private final PublishedSlices workforce;
    private final InboundWriterOptions writerOptions = InboundWriterOptions.defaults();

    AbsenceValidator(AbsenceSettings settings, AbsenceMapper mapper, PayrollPeriods periods,
            JdbcClient jdbc) {
        this.settings = settings;
        this.mapper = mapper;
        this.periods = periods;
        this.workforce = new PublishedSlices(jdbc);
    }

    record Outcome(NewAbsence absence, List<FieldError> errors) {
    }

    Outcome validate(AbsenceRequest item, String path) {
        List<FieldError> errors = new ArrayList<>();
        String reference = null;
        if (blank(item.absenceId())) {
            errors.add(error(path, "absenceId", "is required"));
        } else if (!EsrReference.PLATFORM_ID.matcher(item.absenceId()).matches()) {
            errors.add(error(path, "absenceId", "must be 1 to 64 letters, digits or . _ : - starting with a letter or"
                    + " digit"));
        } else {
            reference = EsrReference.of(settings.referencePrefix(), item.absenceId());
        }
        boolean assignmentWellFormed = false;
        if (blank(item.assignmentNumber())) {
            errors.add(error(path, "assignmentNumber", "is required"));
        } else if (!item.assignmentNumber().matches(ASSIGNMENT)) {
            errors.add(error(path, "assignmentNumber", "must be an ESR assignment number such as 20000001 or 20000001-2"));
        } else {
            assignmentWellFormed = true;
        }
        Optional<AbsenceCategory> category = AbsenceCategory.parse(item.category());
        if (blank(item.category())) {
            errors.add(error(path, "category", "is required"));
        } else if (category.isEmpty()) {
            errors.add(error(path, "category", "must be one of " + Arrays.toString(AbsenceCategory.values())));
        }
        if (item.startDate() == null) {
            errors.add(error(path, "startDate", "is required"));
        }
        EsrAbsenceType type = null;
        if (category.isPresent() && assignmentWellFormed) {
            AbsenceMapper.Result mapped = mapper.map(category.get(), item.reason(), item.assignmentNumber());
            if (mapped.error() != null) {
                errors.add(error(path, "reason", mapped.error()));
            }
            type = mapped.type();
        }
        boolean openEnded = Boolean.TRUE.equals(item.openEnded());
        BigDecimal duration = item.units();
        if (openEnded) {
            if (category.isPresent() && type != null && !type.sickness()) {
                errors.add(error(path, "openEnded", "only sickness can be open-ended"));
            }
            rejectWhileOpen(item.endDate(), path, "endDate", errors);
            rejectWhileOpen(item.endTime(), path, "endTime", errors);
            rejectWhileOpen(item.units(), path, "units", errors);
            rejectWhileOpen(item.returnToWorkDate(), path, "returnToWorkDate", errors);
        } else {
            if (item.endDate() == null) {
                errors.add(error(path, "endDate", "is required unless openEnded is true"));
            } else if (item.startDate() != null && item.endDate().isBefore(item.startDate())) {
                errors.add(error(path, "endDate", "must not be before startDate"));
            } else if (item.endDate().equals(item.startDate()) && item.startTime() != null && item.endTime() != null
                    && !item.endTime().isAfter(item.startTime())) {
                errors.add(error(path, "endTime", "must be after startTime on a one-day absence"));
            }
            if (item.units() != null && (item.units().signum() <= 0 || item.units().compareTo(MAX_UNITS) > 0
                    || item.units().stripTrailingZeros().scale() > 2)) {
                errors.add(error(path, "units", "must be a positive number with at most 2 decimals"));
            } else if (item.units() == null && type != null && !type.inDays()) {
                errors.add(error(path, "units", "is required: hours of absence"));
            } else if (item.units() == null && type != null && item.startDate() != null && item.endDate() != null
                    && !item.endDate().isBefore(item.startDate())) {
                duration = BigDecimal.valueOf(ChronoUnit.DAYS.between(item.startDate(), item.endDate()) + 1);
            }
            if (item.returnToWorkDate() != null && item.startDate() != null
                    && item.returnToWorkDate().isBefore(item.startDate())) {
                errors.add(error(path, "returnToWorkDate", "must not be before startDate"));
            }
        }
        PayrollCalendar payroll = errors.isEmpty() ? payroll(item, path, errors) : null;
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        AbsenceDetails details = new AbsenceDetails(item.assignmentNumber(), type.absenceType(), type.absenceReason(),
                type.units(), type.sickness(), item.startDate(), item.startTime(), item.endDate(), item.endTime(),
                duration, openEnded, item.returnToWorkDate(), item.notificationDate());
        Optional<AbsenceRowCheck.Problem> problem = AbsenceRowCheck.check(
                details.toRow(item.startDate(), AbsenceOperation.ADD, reference), writerOptions);
        if (problem.isPresent()) {
            String field = JSON_FIELD_OF_LAYOUT_FIELD.getOrDefault(problem.get().layoutField(), "category");
            return new Outcome(null, List.of(error(path, field, "cannot be written to an AB file ("
                    + problem.get().reason() + " in " + problem.get().layoutField() + ")")));
        }
        return new Outcome(new NewAbsence(item.absenceId(), reference, category.get(), item.reason(), details,
                periods.of(payroll, item.startDate()), Hashing.sha256(item.canonical())), List.of());
    }

    /**
     * The payroll the absence goes to: its assignment's on the start date, as the feed publishes it (the single
     * payroll without payroll settings); null with the error when there is none, or it is not active then.
     */
    private PayrollCalendar payroll(AbsenceRequest item, String path, List<FieldError> errors) {
        List<AssignmentSlice> slices = settings.checkAssignments() || periods.configured()
                ? workforce.of(List.of(item.assignmentNumber())).get(item.assignmentNumber()) : null;
        if (settings.checkAssignments()) {
            AssignmentOnDate onStart = AssignmentOnDate.of(slices, item.startDate(),
                    settings.inactiveAssignmentStatuses());
            if (onStart.finding() == AssignmentOnDate.Finding.NOT_IN_FEED) {
                errors.add(error(path, "assignmentNumber", "is not an assignment ESR has published"));
                return null;
            }
            if (!onStart.payable()) {
                errors.add(error(path, "assignmentNumber", "is not active in ESR on the start date"));
                return null;
            }
        }
        String esrPayroll = PublishedSlices.payrollOn(slices, item.startDate());
        Optional<PayrollCalendar> payroll = periods.forAssignment(esrPayroll);
        if (payroll.isEmpty()) {
            // a payroll name is not personal data: it names the payroll, not the worker
            errors.add(error(path, "assignmentNumber", esrPayroll == null
                    ? "has no ESR payroll on startDate, and absences go to the payroll of their assignment"
                    : "is on ESR payroll '" + esrPayroll + "' on startDate, which esr.payrolls does not configure"));
        }
        return payroll.orElse(null);
    }

    private static void rejectWhileOpen(Object value, String path, String field, List<FieldError> errors) {
        if (value != null) {
            errors.add(error(path, field, "must be empty while the absence is open-ended"));
        }
    }

    private static FieldError error(String path, String field, String reason) {
        return new FieldError(path.isEmpty() ? field : path + "." + field, reason);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
