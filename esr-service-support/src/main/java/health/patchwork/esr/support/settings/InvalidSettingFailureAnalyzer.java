package health.patchwork.esr.support.settings;

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
 * Turns a missing or invalid setting into one readable line per property, naming the property and the environment
 * variable an operator would set, and never echoing the value (it may be a secret or a path to one).
 */
public class InvalidSettingFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final String ACTION = "Set the property (or its environment variable) and start again;"
            + " the README's configuration reference lists every setting.";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        BindValidationException validation = find(failure, BindValidationException.class);
        if (validation != null) {
            return new FailureAnalysis(String.join(System.lineSeparator(), describe(validation)), ACTION, failure);
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
        return property.replace("-", "").replace('.', '_').replace("[", "_").replace("]", "")
                .toUpperCase(Locale.ROOT);
    }

    /**
     * A bean-validation path as the property an operator sets: camelCase to kebab-case, list indexes kept
     * ({@code [0]}), map keys as they are after a dot ({@code payCodes[OT_PLAIN]} becomes {@code pay-codes.OT_PLAIN}).
     */
    static String dashed(String field) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            if (c == '[') {
                int close = field.indexOf(']', i);
                String key = close < 0 ? field.substring(i + 1) : field.substring(i + 1, close);
                out.append(key.chars().allMatch(Character::isDigit) ? "[" + key + "]" : "." + key);
                i = close < 0 ? field.length() : close + 1;
                continue;
            }
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
            i++;
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
