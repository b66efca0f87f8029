package health.patchwork.esr.outbound.load;

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
 * Streams the stored rows of a validated file into a transaction-local staging table with PostgreSQL COPY (binary,
 * {@link CopyBinary}): the file is read once, row by row, and never held in memory. Ignored and unknown record types are not staged (they
 * were counted by validation).
 */
@Component
public class StagingLoader {

    static final String STAGE_TABLE = "pg_temp.stage_row";

    private static final int FLUSH_BYTES = 256 * 1024;

    private final ReaderOptions readerOptions;

    public StagingLoader(OutboundSettings settings) {
        this.readerOptions = ReaderOptions.defaults().withValidate(false)
                .withFieldCountPolicies(settings.fieldCounts())
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
                        + " raw) from stdin (format binary)");
        long rows = 0;
        try (OutboundReader reader = OutboundReader.open(file, readerOptions)) {
            CopyBinary buffer = new CopyBinary();
            OutboundRecord record;
            while ((record = reader.next()) != null) {
                RecordLayout layout = record.layout();
                if (layout == null || !layout.isStored() || StoredType.byEntityCode(layout.entityCode()).isEmpty()) {
                    continue;
                }
                appendRow(buffer, record, layout);
                rows++;
                if (buffer.length() >= FLUSH_BYTES) {
                    write(copy, buffer);
                }
            }
            buffer.end();
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

    private static void appendRow(CopyBinary out, OutboundRecord record, RecordLayout layout) {
        boolean delete = record.isDelete();
        out.startRow(7);
        out.int8(record.lineNumber());
        out.text(layout.entityCode());
        out.bool(delete);
        out.text(record.entityId());
        if (layout.dateTracked() && !delete) {
            List<String> keys = layout.keyFieldNames();
            out.date(record.getDate(keys.get(1)));
            out.date(record.getDate(keys.get(2)));
        } else {
            out.date(null);
            out.date(null);
        }
        if (record.isShortDelete()) {
            out.nullValue();
        } else {
            out.textArray(record.rawFields());
        }
    }

    private static void write(CopyIn copy, CopyBinary rows) throws SQLException {
        copy.writeToCopy(rows.buffer(), 0, rows.length());
        rows.clear();
    }
}
