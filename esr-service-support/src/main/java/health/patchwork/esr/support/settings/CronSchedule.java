package health.patchwork.esr.support.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The setting is a Spring cron expression (six fields: second minute hour day month weekday), or "-" for off. */
@Documented
@Constraint(validatedBy = CronScheduleValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CronSchedule {

    String message() default "must be a cron expression with six fields (second minute hour day month weekday) or \"-\" for off";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
