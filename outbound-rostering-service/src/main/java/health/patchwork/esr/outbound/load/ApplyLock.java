package health.patchwork.esr.outbound.load;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The advisory lock that serialises applies (so that the change feed's order is the commit order), taken inside the
 * caller's transaction and released with it. Imports come first: a dry run only tries the lock, and an import that
 * finds a dry run holding it ends the dry run's database session (across instances: the session is found by the
 * application name the dry run sets for its transaction), so an operator's preview never delays ESR's files.
 */
@Component
public class ApplyLock {

    private static final Logger log = LoggerFactory.getLogger(ApplyLock.class);

    /** Advisory lock key; the one-key form, apart from the two-key file locks. */
    public static final long KEY = 0x45_53_52_4f_55_54L;

    /** Set for the dry run's transaction only ({@code set local}), so the pooled connection keeps its own name. */
    static final String DRY_RUN_SESSION = "esr-dry-run";

    private final JdbcClient jdbc;

    public ApplyLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For an import: waits for another import, never for a dry run. */
    void takeForImport() {
        java.util.Set<Integer> ended = new java.util.HashSet<>();
        // an ended session lets go of the lock only once its process has exited: try again until then
        while (!tryTake()) {
            if (endDryRuns(ended) == 0) {
                jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", KEY).query().singleRow();
                return;
            }
        }
    }

    /** For a dry run: takes the lock if it is free now, or gives way ({@link DryRunGaveWayException}). */
    void tryForDryRun() {
        jdbc.sql("select set_config('application_name', :name, true)").param("name", DRY_RUN_SESSION)
                .query().singleRow();
        if (!tryTake()) {
            throw new DryRunGaveWayException("an import is applying a file");
        }
    }

    private boolean tryTake() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", KEY)
                .query(Boolean.class).single());
    }

    /** Ends the sessions of dry runs holding the lock; how many there were. */
    private int endDryRuns(java.util.Set<Integer> endedBefore) {
        // a one-key advisory lock shows its high and low 32 bits as classid and objid, with objsubid 1
        // pg_terminate_backend in the select list, not the where clause: the planner may reorder conditions, and
        // the select list is evaluated only for the rows that pass them all
        List<Integer> ended = jdbc.sql("""
                select a.pid, pg_terminate_backend(a.pid) from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.granted and l.objsubid = 1
                  and l.database = (select oid from pg_database where datname = current_database())
                  and ((l.classid::bigint << 32) | l.objid::bigint) = :key
                  and a.application_name = :name and a.pid <> pg_backend_pid()""")
                .param("key", KEY).param("name", DRY_RUN_SESSION)
                .query((rs, n) -> rs.getBoolean(2) ? rs.getInt(1) : null).list()
                .stream().filter(java.util.Objects::nonNull).toList();
        if (!endedBefore.containsAll(ended)) {
            log.info("An import needed the apply lock: ended the dry run holding it (session {})", ended);
            endedBefore.addAll(ended);
        }
        return ended.size();
    }
}
