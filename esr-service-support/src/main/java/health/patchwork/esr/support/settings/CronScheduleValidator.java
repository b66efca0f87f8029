package health.patchwork.esr.support.settings;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;

class CronScheduleValidator implements ConstraintValidator<CronSchedule, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || ScheduledTaskRegistrar.CRON_DISABLED.equals(value)
                || CronExpression.isValidExpression(value);
    }
}
