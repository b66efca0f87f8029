package health.patchwork.esr.support.golive;

/** The verdict of one go-live check. WARN is worth a look but does not stop go-live; FAIL does. */
public enum CheckResult {
    PASS,
    WARN,
    FAIL
}
