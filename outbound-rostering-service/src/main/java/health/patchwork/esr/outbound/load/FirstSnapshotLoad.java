package health.patchwork.esr.outbound.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import health.patchwork.esr.formats.read.ReaderOptions;
import health.patchwork.esr.outbound.config.OutboundSettings;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * A full file applied while nothing at all is held (the first snapshot after go-live, or after a reset) is
 * COPYed straight into the {@code _record} tables instead of into staging and then merged: with nothing held there
 * is nothing to compare, replace or end, and the threshold cannot be exceeded. One pass over the file per stored
 * type it holds ({@link TypePass}); each type's indexes are built after its rows are in ({@link DeferredIndexes});
 * then the change feed gets one row per entity, as for any other file.
 * Runs inside the apply transaction, so the file is still applied whole or not at all.
 *
 * <p>A file that repeats a key (the staged merge keeps the last row of it) is refused with {@link RepeatedKey}; the
 * caller rolls back to a savepoint and takes the staged path.
 */
@Component
public class FirstSnapshotLoad {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FirstSnapshotLoad.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final WorkforceMerger merger;
    private final ReaderOptions readerOptions;

    public FirstSnapshotLoad(DataSource dataSource, JdbcClient jdbc, WorkforceMerger merger,
                             OutboundSettings settings) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.merger = merger;
        this.readerOptions = ReaderOptions.defaults().withValidate(false)
                .withFieldCountPolicies(settings.fieldCounts())
                .withTrailerCountMode(settings.trailerCountMode());
    }

    /** The file repeats a key of the type: the staged merge decides which row wins. */
    public static final class RepeatedKey extends RuntimeException {
        RepeatedKey(StoredType type, Throwable cause) {
            super("the snapshot repeats a key of " + type, cause);
        }
    }

    /** @param figures threshold figures as the check would report them: nothing held, nothing ended */
    public record Loaded(long rowsInFile, List<ThresholdCheck.TypeFigures> figures) {
    }

    /** True while no row of any stored type is held. Call under the apply lock. */
    public boolean nothingHeld() {
        String anyRow = java.util.Arrays.stream(StoredType.values())
                .map(t -> "exists (select 1 from " + t.table() + ")")
                .collect(Collectors.joining(" or "));
        return !jdbc.sql("select " + anyRow).query(Boolean.class).single();
    }

    public Loaded load(Path file, long fileId, String fileName) {
        // one apply at a time, and these builds run once per go-live: a large sort buffer is spent briefly
        jdbc.sql("set local maintenance_work_mem = '256MB'").update();
        Map<StoredType, DeferredIndexes> indexes = new EnumMap<>(StoredType.class);
        for (StoredType type : StoredType.values()) {
            indexes.put(type, DeferredIndexes.drop(jdbc, type.table()));
        }
        TypePass first = pass(file, null, fileId, fileName);
        Map<StoredType, Long> inFile = first.inFile();
        if (first.type() != null) {
            finish(first.type(), indexes.remove(first.type()), fileId);
        }
        for (StoredType type : inFile.keySet()) {
            if (indexes.containsKey(type)) {
                pass(file, type, fileId, fileName);
                finish(type, indexes.remove(type), fileId);
            }
        }
        indexes.values().forEach(DeferredIndexes::rebuild);
        List<ThresholdCheck.TypeFigures> figures = new ArrayList<>();
        for (StoredType type : StoredType.values()) {
            figures.add(ThresholdCheck.nothingHeld(type, inFile.getOrDefault(type, 0L)));
        }
        return new Loaded(inFile.values().stream().mapToLong(Long::longValue).sum(), figures);
    }

    private TypePass pass(Path file, StoredType type, long fileId, String fileName) {
        long started = System.nanoTime();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            TypePass pass = TypePass.run(connection, file, type, fileId, readerOptions);
            log.debug("Copied {} rows of {} of {} into the empty table in {} ms", pass.copied(), pass.type(),
                    fileName, millisSince(started));
            return pass;
        } catch (SQLException e) {
            throw new IllegalStateException("could not load " + fileName + ": " + e.getSQLState(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Builds the type's indexes (finding a repeated key), then one feed row per entity. */
    private void finish(StoredType type, DeferredIndexes indexes, long fileId) {
        long started = System.nanoTime();
        try {
            indexes.rebuild();
        } catch (DuplicateKeyException e) {
            throw new RepeatedKey(type, e);
        }
        long indexed = millisSince(started);
        merger.feedSnapshot(type, fileId);
        log.debug("Indexed {} in {} ms, fed in {} ms", type, indexed, millisSince(started) - indexed);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
