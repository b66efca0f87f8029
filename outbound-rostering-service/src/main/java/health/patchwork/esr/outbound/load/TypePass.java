package health.patchwork.esr.outbound.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.formats.layout.RecordLayout;
import health.patchwork.esr.formats.read.OutboundReader;
import health.patchwork.esr.formats.read.OutboundRecord;
import health.patchwork.esr.formats.read.ReaderOptions;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One pass over a validated full file that COPYs the A rows of one stored type straight into its {@code _record}
 * table, and counts the rows of every stored type it passes. A connection runs one COPY at a time and a file
 * interleaves its types, so a file of n types is read n times; reading is cheap next to the database's work, and
 * each pass keeps the database busy while the file is read (nothing is spooled or held in memory). With no type
 * given, the pass takes the first stored type it meets.
 */
final class TypePass {

    private static final int FLUSH_CHARS = 256 * 1024;

    private final Map<StoredType, Long> inFile = new EnumMap<>(StoredType.class);
    private StoredType type;
    private long copied;

    private TypePass(StoredType type) {
        this.type = type;
    }

    static TypePass run(Connection connection, Path file, StoredType type, long fileId, ReaderOptions options)
            throws SQLException {
        TypePass pass = new TypePass(type);
        pass.copy(connection, file, fileId, options);
        return pass;
    }

    /** The type this pass loaded; null when the file holds no stored A rows at all. */
    StoredType type() {
        return type;
    }

    long copied() {
        return copied;
    }

    /** Rows of each stored type in the file, A and D (D rows have nothing held to delete, so none is copied). */
    Map<StoredType, Long> inFile() {
        return inFile;
    }

    private void copy(Connection connection, Path file, long fileId, ReaderOptions options) throws SQLException {
        CopyIn copy = null;
        StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 8192);
        try (OutboundReader reader = OutboundReader.open(file, options)) {
            OutboundRecord record;
            while ((record = reader.next()) != null) {
                RecordLayout layout = record.layout();
                StoredType stored = layout == null || !layout.isStored()
                        ? null : StoredType.byEntityCode(layout.entityCode()).orElse(null);
                if (stored == null) {
                    continue;
                }
                inFile.merge(stored, 1L, Long::sum);
                if (record.isDelete() || (type != null && stored != type)) {
                    continue;
                }
                if (copy == null) {
                    type = stored;
                    try (var st = connection.createStatement()) {
                        st.execute("truncate " + type.table());
                    }
                    copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + type.table()
                            + " (entity_id, effective_start, effective_end, raw, source_file_id, source_line)"
                            + " from stdin (format text, freeze)");
                }
                append(buffer, record, layout, fileId);
                copied++;
                if (buffer.length() >= FLUSH_CHARS) {
                    write(copy, buffer);
                }
            }
            if (copy != null) {
                write(copy, buffer);
                copy.endCopy();
            }
        } catch (RuntimeException | SQLException e) {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
    }

    private static void append(StringBuilder out, OutboundRecord record, RecordLayout layout, long fileId) {
        CopyText.appendValue(out, record.entityId());
        out.append('\t');
        if (layout.dateTracked()) {
            List<String> keys = layout.keyFieldNames();
            CopyText.appendDate(out, record.getDate(keys.get(1)));
            out.append('\t');
            CopyText.appendDate(out, record.getDate(keys.get(2)));
        } else {
            CopyText.appendNull(out);
            out.append('\t');
            CopyText.appendNull(out);
        }
        out.append('\t');
        CopyText.appendArray(out, record.rawFields());
        out.append('\t').append(fileId).append('\t').append(record.lineNumber()).append('\n');
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
