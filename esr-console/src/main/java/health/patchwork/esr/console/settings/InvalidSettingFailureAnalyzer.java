package health.patchwork.esr.console.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * One line per missing or invalid setting, naming the property and its environment variable and never the value
 * (the local sign-in's password is a setting): the services' format (esr-service-support's analyzer of the same
 * name, which the console cannot depend on without the services' database and mailbox configuration). Boot's own
 * analyzer would print the value.
 */
public class InvalidSettingFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final String ACTION = "Set the property (or its environment variable) and start again;"
            + " esr-console/README.md lists every setting.";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        BindValidationException validation = find(failure, BindValidationException.class);
        if (validation != null) {
            return new FailureAnalysis(String.join(System.lineSeparator(), describe(validation)), ACTION, failure);
        }
        InvalidSettingException invalid = find(failure, InvalidSettingException.class);
        if (invalid != null) {
            return new FailureAnalysis(invalid.getMessage(), ACTION, failure);
        }
        BindException binding = find(failure, BindException.class);
        if (binding != null) {
            String property = binding.getName().toString();
            String type = binding.getTarget().getType().resolve(Object.class).getSimpleName();
            return new FailureAnalysis(line(property, "could not be read as " + type), ACTION, failure);
        }
        return null;
    }

    private static List<String> describe(BindValidationException exception) {
        String prefix = exception.getValidationErrors().getName().toString();
        List<String> lines = new ArrayList<>();
        for (ObjectError error : exception.getValidationErrors()) {
            String property = (error instanceof FieldError field) ? prefix + "." + dashed(field.getField()) : prefix;
            lines.add(line(property, error.getDefaultMessage()));
        }
        return lines;
    }

    static String line(String property, String reason) {
        return "Invalid setting " + property + " (environment variable " + environmentVariable(property) + "): "
                + reason;
    }

    static String environmentVariable(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** A bean-validation path as the property an operator sets: camelCase to kebab-case. */
    static String dashed(String field) {
        StringBuilder out = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
