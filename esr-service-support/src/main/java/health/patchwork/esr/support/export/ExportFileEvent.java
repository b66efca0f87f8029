package health.patchwork.esr.support.export;

import java.time.Instant;

/** A state change of an exported file ({@code export_file_event}): GENERATED, RENAMING (which temporary file), UPLOADED (how). */
public record ExportFileEvent(Instant at, String state, String detail) {
}
