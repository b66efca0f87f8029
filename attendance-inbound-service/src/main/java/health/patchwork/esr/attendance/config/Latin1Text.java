package health.patchwork.esr.attendance.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text that can go into a TA file as it is (docs/spec/inbound-files.md §1.1): ISO-8859-1, no double quote, no line break, no
 * control character, no leading or trailing space. Null is left to {@code @NotNull}/{@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = Latin1TextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Latin1Text {

    String message() default "must be ISO-8859-1 text without double quotes, line breaks or surrounding spaces";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
