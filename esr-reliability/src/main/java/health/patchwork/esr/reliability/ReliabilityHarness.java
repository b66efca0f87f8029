package health.patchwork.esr.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import health.patchwork.esr.reliability.crash.OutboundCrashScenario;
import health.patchwork.esr.reliability.database.DatabaseRestartScenario;
import health.patchwork.esr.reliability.duplicates.DuplicateDeliveryScenario;
import health.patchwork.esr.reliability.export.ExportCrashScenario;
import health.patchwork.esr.reliability.fuzz.InboundReaderFuzzScenario;
import health.patchwork.esr.reliability.fuzz.ReaderFuzzScenario;
import health.patchwork.esr.reliability.network.DownloadCutScenario;
import health.patchwork.esr.reliability.network.UploadCutScenario;
import health.patchwork.esr.reliability.rest.BadRestInputScenario;

/**
 * Runs the fault scenarios and prints the summary table. {@code --size small} is what the test suite runs;
 * {@code --size full} (the default) is the size docs/reliability.md reports. Exits non-zero if any trial lost or
 * duplicated anything.
 */
public final class ReliabilityHarness {

    private ReliabilityHarness() {
    }

    public static void main(String[] args) throws Exception {
        boolean full = !List.of(args).contains("small");
        long seed = Long.getLong("esr.reliability.seed", 20261125L);
        Path repository = Path.of(System.getProperty("esr.reliability.repository", "..")).toAbsolutePath().normalize();
        List<ScenarioResult> results = new ArrayList<>();
        results.add(new ReaderFuzzScenario(seed).run(full ? 1_000_000 : 20_000));
        OutboundCrashScenario outbound = new OutboundCrashScenario(repository,
                repository.resolve("esr-reliability/target/crash"), full ? 2000 : 300, seed);
        results.add(outbound.run(full ? 20 : 2));
        results.add(outbound.runTwoInstances(full ? 5 : 1));
        ExportCrashScenario exports = new ExportCrashScenario(repository,
                repository.resolve("esr-reliability/target/export-crash"), full ? 2000 : 200, seed);
        results.add(exports.runAttendance(full ? 20 : 1));
        results.add(exports.runAbsence(full ? 20 : 1));
        results.add(new DuplicateDeliveryScenario(repository, repository.resolve("esr-reliability/target/duplicates"),
                full ? 2000 : 300, seed).run(full ? 5 : 1));
        results.add(new BadRestInputScenario(repository, repository.resolve("esr-reliability/target/bad-rest"), seed)
                .run(full ? 5000 : 300));
        results.add(new InboundReaderFuzzScenario(seed).run(full ? 1_000_000 : 20_000));
        results.add(new DownloadCutScenario(repository, repository.resolve("esr-reliability/target/download-cut"),
                full ? 2000 : 300, seed).run(full ? 20 : 1));
        results.add(new UploadCutScenario(repository, repository.resolve("esr-reliability/target/upload-cut"),
                1000, seed).run(full ? 20 : 1));
        results.add(new DatabaseRestartScenario(repository,
                repository.resolve("esr-reliability/target/database-restart"), seed).run(full ? 5 : 1));
        System.out.println(SummaryTable.render(results));
        if (!results.stream().allMatch(ScenarioResult::allPassed)) {
            System.exit(1);
        }
    }
}
