package health.patchwork.esr.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.reliability.crash.OutboundCrashScenario;
import health.patchwork.esr.reliability.database.DatabaseRestartScenario;
import health.patchwork.esr.reliability.duplicates.DuplicateDeliveryScenario;
import health.patchwork.esr.reliability.export.CollectedBeforeRecoveryScenario;
import health.patchwork.esr.reliability.export.CorrectionsDuringExportScenario;
import health.patchwork.esr.reliability.export.ExportCrashScenario;
import health.patchwork.esr.reliability.fuzz.InboundReaderFuzzScenario;
import health.patchwork.esr.reliability.fuzz.ReaderFuzzScenario;
import health.patchwork.esr.reliability.network.DownloadCutScenario;
import health.patchwork.esr.reliability.network.StalledDownloadScenario;
import health.patchwork.esr.reliability.network.StalledUploadScenario;
import health.patchwork.esr.reliability.network.UploadCutScenario;
import health.patchwork.esr.reliability.notification.DispatcherCrashScenario;
import health.patchwork.esr.reliability.notification.GoFilePublisher;
import health.patchwork.esr.reliability.rest.BadRestInputScenario;

/**
 * Runs the fault scenarios and prints the summary table. {@code --size small} is what the test suite runs;
 * {@code --size full} (the default) is the size docs/reliability.md reports. Exits non-zero if any trial lost or
 * duplicated anything.
 */
public final class ReliabilityHarness {

    private ReliabilityHarness() {
    }

    @FunctionalInterface
    private interface Scenario {
        List<ScenarioResult> run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        boolean full = !List.of(args).contains("small");
        long seed = Long.getLong("esr.reliability.seed", 20261125L);
        Path repository = Path.of(System.getProperty("esr.reliability.repository", "..")).toAbsolutePath().normalize();
        Path target = repository.resolve("esr-reliability/target");
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("reader-fuzz", () -> List.of(new ReaderFuzzScenario(seed).run(full ? 1_000_000 : 20_000)));
        scenarios.put("outbound-crash", () -> {
            OutboundCrashScenario outbound = new OutboundCrashScenario(repository, target.resolve("crash"),
                    full ? 2000 : 300, seed);
            return List.of(outbound.run(full ? 20 : 2), outbound.runTwoInstances(full ? 5 : 1));
        });
        scenarios.put("export-crash", () -> {
            ExportCrashScenario exports = new ExportCrashScenario(repository, target.resolve("export-crash"),
                    full ? 2000 : 200, seed);
            return List.of(exports.runAttendance(full ? 20 : 1), exports.runAbsence(full ? 20 : 1));
        });
        scenarios.put("collected-before-recovery", () -> {
            CollectedBeforeRecoveryScenario collected = new CollectedBeforeRecoveryScenario(repository,
                    target.resolve("collected-before-recovery"), full ? 2000 : 200);
            return List.of(collected.runAttendance(full ? 20 : 1), collected.runAbsence(full ? 20 : 1));
        });
        scenarios.put("corrections-during-export", () -> {
            CorrectionsDuringExportScenario corrections = new CorrectionsDuringExportScenario(repository,
                    target.resolve("corrections-during-export"), full ? 2000 : 200, full ? 400 : 60, seed);
            return List.of(corrections.runAttendance(full ? 20 : 1), corrections.runAbsence(full ? 20 : 1));
        });
        scenarios.put("duplicates", () -> List.of(new DuplicateDeliveryScenario(repository,
                target.resolve("duplicates"), full ? 2000 : 300, seed).run(full ? 5 : 1)));
        scenarios.put("bad-rest", () -> List.of(new BadRestInputScenario(repository, target.resolve("bad-rest"), seed)
                .run(full ? 5000 : 300)));
        scenarios.put("inbound-fuzz", () -> List.of(new InboundReaderFuzzScenario(seed).run(full ? 1_000_000 : 20_000)));
        scenarios.put("download-cut", () -> List.of(new DownloadCutScenario(repository, target.resolve("download-cut"),
                full ? 2000 : 300, seed).run(full ? 20 : 1)));
        scenarios.put("upload-cut", () -> List.of(new UploadCutScenario(repository, target.resolve("upload-cut"),
                1000, seed).run(full ? 20 : 1)));
        scenarios.put("stalled-download", () -> List.of(new StalledDownloadScenario(repository,
                target.resolve("stalled-download"), full ? 2000 : 300, seed).run(full ? 20 : 1)));
        scenarios.put("stalled-upload", () -> List.of(new StalledUploadScenario(repository,
                target.resolve("stalled-upload"), 1000, seed).run(full ? 20 : 1)));
        scenarios.put("database-restart", () -> List.of(new DatabaseRestartScenario(repository,
                target.resolve("database-restart"), seed).run(full ? 5 : 1)));
        scenarios.put("dispatcher-crash", () -> List.of(new DispatcherCrashScenario(repository,
                target.resolve("dispatcher-crash"), seed).run(full ? DispatcherCrashScenario.TRIALS : 5,
                GoFilePublisher.factory(DispatcherCrashScenario.STAFF, DispatcherCrashScenario.FILES_PER_TRIAL))));

        // -Desr.reliability.scenarios=export-crash,duplicates runs only those (names as above); default: all
        String only = System.getProperty("esr.reliability.scenarios", "");
        List<String> chosen = only.isBlank() ? List.copyOf(scenarios.keySet()) : List.of(only.split(","));
        List<ScenarioResult> results = new ArrayList<>();
        for (String name : chosen) {
            Scenario scenario = scenarios.get(name.strip());
            if (scenario == null) {
                throw new IllegalArgumentException("unknown scenario " + name + "; known: " + scenarios.keySet());
            }
            results.addAll(scenario.run());
        }
        System.out.println(SummaryTable.render(results));
        if (!results.stream().allMatch(ScenarioResult::allPassed)) {
            System.exit(1);
        }
    }
}
