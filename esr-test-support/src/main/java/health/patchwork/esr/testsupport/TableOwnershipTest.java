package health.patchwork.esr.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One owner per table: in a service's main code only the class that owns a table names it in SQL (after
 * {@code from}, {@code join}, {@code into}, {@code update}, {@code table} or {@code truncate}). Other classes ask the
 * owner. The places that still name a table they do not own are listed as they are; the list may only shrink: the
 * test fails on a new one and on one that is gone but still listed, so whoever removes one crosses it off.
 */
public abstract class TableOwnershipTest {

    private static final Pattern CREATE = Pattern.compile("(?i)create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern RENAME = Pattern.compile("(?i)alter\\s+table\\s+(?:if\\s+exists\\s+)?(\\w+)\\s+rename\\s+to\\s+(\\w+)");

    /** The service's schema, as SQL may qualify a table with it. */
    protected abstract String schema();

    /** Each table of the service's own migrations and the support tables it holds, with its owning class. */
    protected abstract Map<String, String> owners();

    /** Classes that still name a table they do not own, by table: the debt this test keeps from growing. */
    protected abstract Map<String, Set<String>> notYetMoved();

    @Test
    void everyTableOfTheMigrationsHasAnOwner() {
        Set<String> created = new TreeSet<>();
        // in version order, so that a table renamed later is known by its last name
        for (Path migration : files(Path.of("src/main/resources/db/migration"), ".sql").stream()
                .sorted(java.util.Comparator.comparingInt(TableOwnershipTest::version)).toList()) {
            String sql = read(migration);
            Matcher table = CREATE.matcher(sql);
            while (table.find()) {
                created.add(table.group(1).toLowerCase());
            }
            Matcher renamed = RENAME.matcher(sql);
            while (renamed.find()) {
                created.remove(renamed.group(1).toLowerCase());
                created.add(renamed.group(2).toLowerCase());
            }
        }
        assertThat(owners().keySet()).containsAll(created);
    }

    @Test
    void onlyTheOwnerNamesATableInSql() {
        Map<String, Set<String>> others = new TreeMap<>();
        for (Path source : files(Path.of("src/main/java"), ".java")) {
            String name = source.getFileName().toString().replace(".java", "");
            String text = read(source);
            for (Map.Entry<String, String> table : owners().entrySet()) {
                if (!table.getValue().equals(name) && names(text, table.getKey())) {
                    others.computeIfAbsent(table.getKey(), t -> new TreeSet<>()).add(name);
                }
            }
        }
        Map<String, Set<String>> listed = new TreeMap<>();
        notYetMoved().forEach((table, classes) -> listed.put(table, new TreeSet<>(classes)));
        assertThat(others).as("classes naming a table they do not own (left: found now; right: listed as not yet"
                + " moved)").isEqualTo(listed);
    }

    private static int version(Path migration) {
        Matcher version = Pattern.compile("^V(\\d+)__").matcher(migration.getFileName().toString());
        return version.find() ? Integer.parseInt(version.group(1)) : 0;
    }

    private boolean names(String text, String table) {
        return Pattern.compile("(?i)\\b(?:from|join|into|update|table|truncate)\\s+(?:" + schema() + "\\.)?"
                + Pattern.quote(table) + "\\b").matcher(text).find();
    }

    private static Set<Path> files(Path root, String ending) {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(ending)).collect(TreeSet::new, Set::add, Set::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
