package health.patchwork.esr.reliability.export;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import health.patchwork.esr.formats.read.InboundRecord;
import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.HarnessHttp;

/** What the export crash scenario needs to know of one inbound service: how to feed it, export, and read its files. */
interface ExportingService {

    String module();

    /** What it sends, for the summary table: lines, absences. */
    String itemsName();

    /** Its own schema, holding {@code export_file}, the ledger of files it generated and uploaded. */
    String schema();

    /** The sandbox's settings plus the scenario's own, e.g. a pay code that writes the line id into the file. */
    Map<String, String> environment(Map<String, String> sandbox, Path home) throws IOException;

    /** Posts {@code items} items dated {@code day} on assignments 0..items-1; returns the ids the files must carry. */
    default Set<String> post(HarnessHttp http, String baseUrl, int items, LocalDate day) {
        return post(http, baseUrl, items, day, 0);
    }

    /** As {@link #post(HarnessHttp, String, int, LocalDate)}, numbering the items from {@code firstId}. */
    Set<String> post(HarnessHttp http, String baseUrl, int items, LocalDate day, int firstId);

    /** Periods with items not yet in a file, in the form {@link #export} takes. */
    List<String> pendingPeriods(HarnessDatabase database) throws SQLException;

    /** Asks for the period's file, as the operator or the platform does; returns the HTTP status. */
    int export(HarnessHttp http, String baseUrl, String period);

    /** The item id a data row of one of its files carries; empty for header and trailer. */
    Optional<String> itemId(InboundRecord row);

    /** Items the database still holds as unsent. */
    long unsent(HarnessDatabase database) throws SQLException;
}
