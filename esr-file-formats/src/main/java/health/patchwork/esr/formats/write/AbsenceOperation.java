package health.patchwork.esr.formats.write;

/** ABS field 2 (docs/spec/inbound-files.md §3.4). */
public enum AbsenceOperation {
    ADD,
    END,
    DEL
}
