package health.patchwork.esr.outbound.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import health.patchwork.esr.formats.layout.RecordLayout;
import health.patchwork.esr.formats.read.OutboundReader;
import health.patchwork.esr.formats.read.OutboundRecord;
import health.patchwork.esr.formats.read.ReaderOptions;
import health.patchwork.esr.outbound.config.OutboundSettings;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Component;

/**
 * Streams the stored rows of a validated file into a transaction-local staging table with PostgreSQL COPY: the
 * file is read once, row by row, and never held in memory. Ignored and unknown record types are not staged (they
 * were counted by validation).
 */
@Component
public class StagingLoader {

    static final String STAGE_TABLE = "pg_temp.stage_row";

    private static final int FLUSH_CHARS = 256 * 1024;

    private final ReaderOptions readerOptions;

    public StagingLoader(OutboundSettings settings) {
        this.readerOptions = ReaderOptions.defaults().withValidate(false)
                .withFieldCountPolicy(settings.fieldCountPolicy())
                .withTrailerCountMode(settings.trailerCountMode());
    }

    /** Creates the staging table (dropped at commit or rollback) and loads {@code file} into it. */
    public long load(Connection connection, Path file, String fileName) throws SQLException {
        try (Statement st = connection.createStatement()) {
            // one partition per stored type: each merge reads only its own rows, and no index has to be built
            st.execute("""
                    create temp table stage_row (
                        line_no         bigint  not null,
                        entity_code     text    not null,
                        is_delete       boolean not null,
                        entity_id       text    not null,
                        effective_start date,
                        effective_end   date,
                        raw             text[]
                    ) partition by list (entity_code) on commit drop""");
            for (StoredType type : StoredType.values()) {
                st.execute("create temp table stage_" + type.entityCode().toLowerCase(java.util.Locale.ROOT)
                        + " partition of stage_row for values in ('" + type.entityCode() + "')");
            }
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy " + STAGE_TABLE + " (line_no, entity_code, is_delete, entity_id, effective_start, effective_end,"
                        + " raw) from stdin (format text)");
        long rows = 0;
        try (OutboundReader reader = OutboundReader.open(file, readerOptions)) {
            StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 8192);
            OutboundRecord record;
            while ((record = reader.next()) != null) {
                RecordLayout layout = record.layout();
                if (layout == null || !layout.isStored() || StoredType.byEntityCode(layout.entityCode()).isEmpty()) {
                    continue;
                }
                appendRow(buffer, record, layout);
                rows++;
                if (buffer.length() >= FLUSH_CHARS) {
                    write(copy, buffer);
                }
            }
            write(copy, buffer);
            copy.endCopy();
        } catch (RuntimeException | SQLException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("analyze " + STAGE_TABLE);
        }
        return rows;
    }

    private static void appendRow(StringBuilder out, OutboundRecord record, RecordLayout layout) {
        boolean delete = record.isDelete();
        out.append(record.lineNumber()).append('\t').append(layout.entityCode()).append('\t')
                .append(delete ? 't' : 'f').append('\t');
        CopyText.appendValue(out, record.entityId());
        out.append('\t');
        if (layout.dateTracked() && !delete) {
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
        if (record.isShortDelete()) {
            CopyText.appendNull(out);
        } else {
            CopyText.appendArray(out, record.rawFields());
        }
        out.append('\n');
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
