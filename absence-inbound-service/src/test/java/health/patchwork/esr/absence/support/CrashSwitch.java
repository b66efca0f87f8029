package health.patchwork.esr.absence.support;

import health.patchwork.esr.support.export.ExportCheckpoints;
import health.patchwork.esr.support.export.ExportedFile;

/** Stops the next export at one step, as if the process died there; disarmed after it fires and before each test. */
public class CrashSwitch implements ExportCheckpoints {

    /** The points between export steps. */
    public enum Step { BEFORE_COMMIT, AFTER_GENERATED, AFTER_UPLOADED }

    private volatile Step armed;

    public void arm(Step step) {
        armed = step;
    }

    public void disarm() {
        armed = null;
    }

    @Override
    public void beforeCommit(long fileId) {
        fire(Step.BEFORE_COMMIT);
    }

    @Override
    public void afterGenerated(ExportedFile file) {
        fire(Step.AFTER_GENERATED);
    }

    @Override
    public void afterUploaded(ExportedFile file) {
        fire(Step.AFTER_UPLOADED);
    }

    private void fire(Step step) {
        if (armed == step) {
            armed = null;
            throw new SimulatedCrash(step);
        }
    }

    /** The process "dies" here. */
    public static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(Step step) {
            super("simulated crash " + step);
        }
    }
}
