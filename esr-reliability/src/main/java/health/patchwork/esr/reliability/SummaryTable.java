package health.patchwork.esr.reliability;

import java.util.List;

/** Prints results as the Markdown table docs/reliability.md records. */
final class SummaryTable {

    private SummaryTable() {
    }

    static String render(List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | trials | passed | lost | duplicated |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        for (ScenarioResult r : results) {
            out.append("| ").append(r.scenario()).append(" | ").append(r.trials()).append(" | ").append(r.passed())
                    .append(" | ").append(r.lost()).append(" | ").append(r.duplicated()).append(" |\n");
        }
        results.stream().filter(r -> r.note() != null).forEach(r -> out.append("\n").append(r.scenario())
                .append(": ").append(r.note()).append('\n'));
        return out.toString();
    }
}
