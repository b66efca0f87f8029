package health.patchwork.esr.support.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The setting names a regular file that this process can read (a key, a known_hosts file, a secret). */
@Documented
@Constraint(validatedBy = ReadableFileValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadableFile {

    String message() default "must name a readable file";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
