package health.patchwork.esr.outbound.load;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keys and the lookup indexes of one {@code _record} table, dropped before a bulk load into the empty table
 * and built again after it: one sort per index instead of a million single-row insertions. The definitions are read
 * from the catalogue, so the migrations stay their only source. All of it is DDL inside the apply transaction, so a
 * rollback or crash puts every index back as it was. Rebuilding the unique key is also what finds a key the file
 * repeats ({@link org.springframework.dao.DuplicateKeyException}).
 */
final class DeferredIndexes {

    private final JdbcClient jdbc;
    private final String table;
    private final List<Index> indexes;

    private record Index(String name, String definition, String constraint, String constraintDefinition) {
    }

    private DeferredIndexes(JdbcClient jdbc, String table, List<Index> indexes) {
        this.jdbc = jdbc;
        this.table = table;
        this.indexes = indexes;
    }

    /** Drops every index of {@code table}, its keys' included, remembering how to build each again. */
    static DeferredIndexes drop(JdbcClient jdbc, String table) {
        List<Index> indexes = jdbc.sql("""
                        select x.indexrelid::regclass::text, pg_get_indexdef(x.indexrelid), c.conname,
                               pg_get_constraintdef(c.oid)
                        from pg_index x
                        left join pg_constraint c on c.conindid = x.indexrelid and c.conrelid = x.indrelid
                        where x.indrelid = cast(:table as regclass)
                        order by 1""")
                .param("table", table)
                .query((rs, n) -> new Index(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        for (Index index : indexes) {
            if (index.constraint() != null) {
                jdbc.sql("alter table " + table + " drop constraint " + quoted(index.constraint())).update();
            } else {
                jdbc.sql("drop index " + index.name()).update();
            }
        }
        return new DeferredIndexes(jdbc, table, indexes);
    }

    /** Builds the keys first, so that a repeated key is found before the other indexes are built. */
    void rebuild() {
        for (Index index : indexes) {
            if (index.constraint() != null) {
                jdbc.sql("alter table " + table + " add constraint " + quoted(index.constraint()) + " "
                        + index.constraintDefinition()).update();
            }
        }
        for (Index index : indexes) {
            if (index.constraint() == null) {
                jdbc.sql(index.definition()).update();
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
