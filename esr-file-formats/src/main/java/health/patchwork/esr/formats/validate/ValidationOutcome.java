package health.patchwork.esr.formats.validate;

/**
 * Outcome of validating a file, named as in docs/spec/README.md §6.1/§6.3. Rejections are declared in check order: when
 * several checks fail, the report's outcome is the earliest one.
 */
public enum ValidationOutcome {
    VALID(0),
    /** Check 1: the name is not a GO file of this trust's VPD and sub-file type. Leave the file alone. */
    IGNORED_NOT_OURS(1),
    /** Inbound files and the CLI: the name does not follow any ESR grammar. */
    REJECTED_FILE_NAME(2),
    REJECTED_EMPTY(3),
    REJECTED_NO_HEADER(4),
    REJECTED_HEADER_NAME(5),
    REJECTED_WRONG_VPD(6),
    REJECTED_HEADER_VALUE(7),
    REJECTED_VERSION(8),
    REJECTED_NO_TRAILER(9),
    REJECTED_STRUCTURE(10),
    REJECTED_RECORD_COUNT(11),
    REJECTED_FIELD_COUNT(12),
    REJECTED_VALUE(13);

    private final int check;

    ValidationOutcome(int check) {
        this.check = check;
    }

    /** Number of the docs/spec/README.md §6.1 check that produces this outcome. */
    public int check() {
        return check;
    }

    public boolean isRejected() {
        return name().startsWith("REJECTED_");
    }
}
