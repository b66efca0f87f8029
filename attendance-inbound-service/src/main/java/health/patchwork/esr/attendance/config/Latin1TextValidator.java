package health.patchwork.esr.attendance.config;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class Latin1TextValidator implements ConstraintValidator<Latin1Text, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || TextRules.problem(value, true) == null;
    }
}
