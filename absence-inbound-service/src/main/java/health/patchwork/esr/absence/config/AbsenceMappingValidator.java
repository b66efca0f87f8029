package health.patchwork.esr.absence.config;

import java.util.List;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class AbsenceMappingValidator implements ConstraintValidator<ValidAbsenceMapping, AbsenceMappingSettings> {

    @Override
    public boolean isValid(AbsenceMappingSettings settings, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (settings.sickness() != null && !settings.sickness().sickness()) {
            valid = fail(context, "sickness", "sickness", "must be true: sickness carries a national level-1 reason");
        }
        valid &= check(settings.sickness(), "sickness", settings.nationalSicknessReasons(), context);
        valid &= check(settings.annualLeave(), "annualLeave", settings.nationalSicknessReasons(), context);
        valid &= check(settings.studyLeave(), "studyLeave", settings.nationalSicknessReasons(), context);
        valid &= check(settings.otherLeave(), "otherLeave", settings.nationalSicknessReasons(), context);
        return valid;
    }

    private static boolean check(CategoryMapping mapping, String name, List<String> national,
            ConstraintValidatorContext context) {
        if (mapping == null) {
            return true;
        }
        boolean valid = true;
        String type = mapping.absenceType();
        if (type != null && type.replace("{n}", "").matches(".*[{}\"].*")) {
            valid = fail(context, name, "absenceType",
                    "may contain no quote and no brace other than the assignment-index placeholder");
        }
        if (mapping.sickness()) {
            if ("H".equals(mapping.units())) {
                valid = fail(context, name, "units", "must be D: sickness is recorded in calendar days");
            }
            if (!national.containsAll(mapping.reasons().values())) {
                valid = fail(context, name, "reasons",
                        "every reason must be one of esr.absence.mapping.national-sickness-reasons");
            }
            if (mapping.defaultReason() != null && !national.contains(mapping.defaultReason())) {
                valid = fail(context, name, "defaultReason",
                        "must be one of esr.absence.mapping.national-sickness-reasons");
            }
        }
        for (String reason : mapping.reasons().values()) {
            if (reason == null || reason.isBlank() || reason.contains("\"") || !reason.equals(reason.strip())) {
                valid = fail(context, name, "reasons", "every reason must be a non-empty ESR reason without quotes");
                break;
            }
        }
        return valid;
    }

    private static boolean fail(ConstraintValidatorContext context, String category, String field, String message) {
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{"))
                .addPropertyNode(category).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
