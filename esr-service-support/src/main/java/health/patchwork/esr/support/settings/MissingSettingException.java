package health.patchwork.esr.support.settings;

/** A setting that validation of a single record cannot express is missing or wrong; reported as one line. */
public class MissingSettingException extends IllegalStateException {

    private final String property;

    public MissingSettingException(String property, String reason) {
        super(InvalidSettingFailureAnalyzer.line(property, reason));
        this.property = property;
    }

    public String property() {
        return property;
    }
}
