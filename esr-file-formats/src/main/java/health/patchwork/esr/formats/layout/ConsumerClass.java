package health.patchwork.esr.formats.layout;

/** What a consumer does with a record type (docs/spec/outbound-rostering.md §3). */
public enum ConsumerClass {
    /** Parse, validate field count and values, persist. */
    STORE,
    /** Recognise and count; a field-count difference is only a warning. */
    ACCEPT_IGNORE,
    /** Header, trailer or footer of the file itself. */
    CONTROL
}
