package health.patchwork.esr.attendance.intake;

import java.util.List;

/** Per line: accepted (created, amended or unchanged) or rejected and why. */
record BatchResult(int accepted, int rejected, List<LineResult> lines) {

    static BatchResult of(List<LineResult> lines) {
        int accepted = (int) lines.stream().filter(LineResult::accepted).count();
        return new BatchResult(accepted, lines.size() - accepted, lines);
    }
}
