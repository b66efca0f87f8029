package health.patchwork.esr.reliability.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Greps what every module's tests logged in this build (this module is built last), and the logs of the services the
 * sandbox's end-to-end test ran against the synthetic Trust, for the personal data of the
 * fixtures: the sample files' names, NI numbers and dates of birth, any NI-shaped value, sickness absence reasons, and
 * a database error quoting a row ({@code Failing row contains (…)}), which the absence tests provoke on purpose deep
 * in the finalise path: if its redaction is removed the row, with its sickness reason, reaches a log and this fails.
 * Logs may name files, lines, record types and fields, never a person.
 */
class PersonalDataInLogsTest {

    private static final Pattern PERSONAL = Pattern.compile(String.join("|",
            "\\bAmelia\\b", "\\bPritchard\\b", "\\bReeve\\b", "\\bOlivia\\b", "Si\u00e2n", "\\bDaniel\\b",
            "QQ[0-9]{6}[A-D]", "19920315", "19900722", "19880109", "19990505",
            "amelia\\.hart", "sian\\.pritchard", "dan(iel)?\\.reeve",
            // any NI-shaped value, spaced or not (HMRC's prefix letters), not only the fixtures' QQ numbers
            "\\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\\b",
            // the national sickness absence reasons (an absence row's reason is health data)
            "Anxiety/stress", "Back Problems", "musculoskeletal", "Cold, Cough, Flu", "Chest & respiratory",
            "Headache / migraine", "malignant tumours", "Blood disorders", "cardiac & circulatory",
            "frostbite, hypothermia", "Ear, nose, throat", "Dental and oral", "Endocrine / glandular",
            "Gastrointestinal problems", "gynaecological disorders", "Infectious diseases", "Injury, fracture",
            "Nervous system disorders", "Pregnancy related", "Skin disorders", "Substance abuse",
            // PostgreSQL quoting a row (absence tests provoke one on purpose: RedactedDatabaseErrorTest)
            "Failing row contains"));

    @Test
    void noTestRunLoggedAPersonsNameNiNumberDateOfBirthOrSicknessReason() throws IOException {
        List<Path> logs = testLogs(Path.of("..").toAbsolutePath().normalize());
        assumeTrue(logs.size() >= 10, "the other modules' test logs are not there to scan (run the whole build)");

        List<String> hits = new ArrayList<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            Matcher matcher = PERSONAL.matcher(text);
            while (matcher.find() && hits.size() < 20) {
                int line = (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
                hits.add(log.getFileName() + ":" + line);
            }
        }
        assertThat(hits).as("log lines holding personal data (file:line)").isEmpty();
    }

    private static List<Path> testLogs(Path repository) throws IOException {
        try (Stream<Path> modules = Files.list(repository)) {
            List<Path> logs = new ArrayList<>();
            for (Path module : modules.toList()) {
                // what tests printed, and the logs of the services the end-to-end test ran
                collect(module.resolve("target/surefire-reports"), "-output.txt", logs);
                collect(module.resolve("target/e2e-sandbox/logs"), ".log", logs);
            }
            return logs;
        }
    }

    private static void collect(Path folder, String suffix, List<Path> logs) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(suffix)).forEach(logs::add);
            }
        }
    }
}
