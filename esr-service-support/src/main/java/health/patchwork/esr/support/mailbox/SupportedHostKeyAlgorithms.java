package health.patchwork.esr.support.mailbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.apache.sshd.common.signature.BuiltinSignatures;

/** Every name is a host-key algorithm this SSH client can verify, so a typo stops start-up instead of every login. */
@Documented
@Constraint(validatedBy = SupportedHostKeyAlgorithms.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface SupportedHostKeyAlgorithms {

    String message() default "must list host-key algorithms this client supports";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Names the unsupported entries and lists the supported ones in the message. */
    class Validator implements ConstraintValidator<SupportedHostKeyAlgorithms, List<String>> {

        @Override
        public boolean isValid(List<String> names, ConstraintValidatorContext context) {
            if (names == null) {
                return true;
            }
            List<String> unsupported = names.stream().filter(name -> {
                BuiltinSignatures signature = BuiltinSignatures.fromFactoryName(name);
                return signature == null || !signature.isSupported();
            }).toList();
            if (unsupported.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("not supported: " + unsupported + "; supported: "
                    + HostKeyPolicy.supportedNames()).addConstraintViolation();
            return false;
        }
    }
}
