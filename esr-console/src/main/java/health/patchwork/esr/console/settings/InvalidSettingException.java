package health.patchwork.esr.console.settings;

/**
 * A setting that is missing or contradicts another, found after binding; {@link InvalidSettingFailureAnalyzer} turns
 * it into the one start-up line the services print for theirs. The message never holds the setting's value.
 */
public class InvalidSettingException extends IllegalStateException {

    public InvalidSettingException(String property, String reason) {
        super(InvalidSettingFailureAnalyzer.line(property, reason));
    }
}
