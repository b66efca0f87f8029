package health.patchwork.esr.outbound.load;

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
 * table (binary COPY, {@link CopyBinary}), and counts the rows of every stored type it passes. A connection runs one COPY at a time and a file
 * interleaves its types, so a file of n types is read n times; reading is cheap next to the database's work, and
 * each pass keeps the database busy while the file is read (nothing is spooled or held in memory). With no type
 * given, the pass takes the first stored type it meets.
 */
final class TypePass {

    private static final int FLUSH_BYTES = 256 * 1024;

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
        CopyBinary rows = new CopyBinary();
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
                            + " from stdin (format binary, freeze)");
                }
                append(rows, record, layout, fileId);
                copied++;
                if (rows.length() >= FLUSH_BYTES) {
                    write(copy, rows);
                }
            }
            if (copy != null) {
                rows.end();
                write(copy, rows);
                copy.endCopy();
            }
        } catch (RuntimeException | SQLException e) {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
    }

    private static void append(CopyBinary out, OutboundRecord record, RecordLayout layout, long fileId) {
        out.startRow(6);
        out.text(record.entityId());
        if (layout.dateTracked()) {
            List<String> keys = layout.keyFieldNames();
            out.date(record.getDate(keys.get(1)));
            out.date(record.getDate(keys.get(2)));
        } else {
            out.date(null);
            out.date(null);
        }
        out.textArray(record.rawFields());
        out.int8(fileId);
        out.int8(record.lineNumber());
    }

    private static void write(CopyIn copy, CopyBinary rows) throws SQLException {
        copy.writeToCopy(rows.buffer(), 0, rows.length());
        rows.clear();
    }
}
