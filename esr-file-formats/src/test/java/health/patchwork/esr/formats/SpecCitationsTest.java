package health.patchwork.esr.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ESR format reference lives in the repository, under docs/spec/, and every citation of it in the code and the
 * documents points at a file and a section that exist there. Citing a document outside the repository ("README §7.4"
 * meaning a folder next to the checkout) would leave a reader of a clone with nothing to follow.
 */
class SpecCitationsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SPEC = ROOT.resolve("docs/spec");
    private static final Set<String> CITING = Set.of(".java", ".md", ".yml", ".yaml", ".xml", ".sh", ".properties");
    private static final Pattern CITATION = Pattern.compile("docs/spec/([\\w.-]+\\.(?:md|csv))`?(?: §(\\d+(?:\\.\\d+)*))?");
    private static final Pattern SECTION = Pattern.compile("^#+\\s*(\\d+(?:\\.\\d+)*)");
    private static final Pattern OUTSIDE = Pattern.compile("(?<!docs/spec/)\\bREADME §\\d|(?<![/\\w])inbound-files\\.md|"
            + "(?<![/\\w])outbound-rostering\\.md|shared/esr-spec");

    @Test
    void everyCitationNamesAFileAndASectionOfDocsSpec() {
        List<String> broken = new ArrayList<>();
        for (Path source : citingFiles()) {
            String text = read(source);
            Matcher citation = CITATION.matcher(text);
            while (citation.find()) {
                Path cited = SPEC.resolve(citation.group(1));
                String where = ROOT.relativize(source) + ": " + citation.group();
                if (!Files.isRegularFile(cited)) {
                    broken.add(where + " (no such file)");
                } else if (citation.group(2) != null && !headings(cited).contains(citation.group(2))) {
                    broken.add(where + " (no such section)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void nothingCitesTheSpecOutsideTheRepository() {
        List<String> outside = citingFiles().stream()
                .filter(source -> OUTSIDE.matcher(read(source)).find())
                .map(source -> ROOT.relativize(source).toString())
                .toList();
        assertThat(outside).isEmpty();
    }

    /** Where the shared reference is next to the checkout (a developer's machine), the copy must be identical. */
    @Test
    void docsSpecIsInStepWithTheSharedReference() {
        Path shared = ROOT.getParent().resolve("shared/esr-spec");
        assumeTrue(Files.isDirectory(shared), "no shared reference next to this checkout");
        List<String> differing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(shared)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = SPEC.resolve(shared.relativize(file).toString());
                if (!Files.isRegularFile(copy) || Files.mismatch(file, copy) != -1) {
                    differing.add(shared.relativize(file).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(differing).as("files of %s that docs/spec/ lacks or holds differently", shared).isEmpty();
    }

    private static List<Path> citingFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(SpecCitationsTest::cites)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean cites(Path file) {
        Path relative = ROOT.relativize(file);
        String name = file.getFileName().toString();
        for (Path part : relative) {
            String folder = part.toString();
            if (folder.equals("target") || folder.startsWith(".") && !folder.equals(".ci")) {
                return false;
            }
        }
        // the spec itself, and Flyway migrations: a migration that ran cannot change (its checksum would), so
        // the comments of the first migrations keep their old citations
        if (relative.startsWith("docs/spec") || relative.toString().contains("db/migration")) {
            return false;
        }
        if (file.equals(ROOT.resolve("esr-file-formats/src/test/java/health/patchwork/esr/formats/SpecCitationsTest.java"))) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && CITING.contains(name.substring(dot));
    }

    private static Set<String> headings(Path file) {
        return read(file).lines()
                .filter(line -> line.startsWith("#"))
                .map(SECTION::matcher)
                .filter(Matcher::find)
                .map(section -> section.group(1))
                .collect(Collectors.toSet());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
