package health.patchwork.esr.formats.validate;

public enum Severity {
    ERROR,
    WARNING
}
