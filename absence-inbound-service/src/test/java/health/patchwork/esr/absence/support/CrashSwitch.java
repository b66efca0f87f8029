package health.patchwork.esr.absence.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import health.patchwork.esr.support.export.ExportCheckpoints;
import health.patchwork.esr.support.export.ExportedFile;

/**
 * Stops the next export at one step, as if the process died there, or holds it there until the test lets it go on
 * (to run something else while the export is exactly at that step); disarmed after it fires and before each test.
 */
public class CrashSwitch implements ExportCheckpoints {

    /** The points between export steps. */
    public enum Step { BEFORE_COMMIT, AFTER_GENERATED, AFTER_UPLOADED }

    /**
     * An export held at one step: at {@link Step#BEFORE_COMMIT} its rows are written and its absences marked sent, in
     * a transaction that has not committed (so it holds the row locks of those absences).
     */
    public static final class Pause {

        /** Only against a hang: a test that forgets to release fails instead of blocking the build. */
        private static final long HANG_GUARD_SECONDS = 120;

        private final Step step;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Pause(Step step) {
            this.step = step;
        }

        /** Returns once the export is held at the step. */
        public void awaitReached() throws InterruptedException {
            if (!reached.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the export never reached " + step);
            }
        }

        /** Lets the export go on from the step. */
        public void release() {
            released.countDown();
        }

        private void hold() {
            reached.countDown();
            try {
                if (!released.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("export held at " + step + " was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held at " + step, e);
            }
        }
    }

    private volatile Step armed;
    private volatile Pause pause;

    public void arm(Step step) {
        armed = step;
    }

    /** Holds the next export that reaches {@code step} there. */
    public Pause pauseAt(Step step) {
        Pause next = new Pause(step);
        pause = next;
        return next;
    }

    public void disarm() {
        armed = null;
        Pause held = pause;
        pause = null;
        if (held != null) {
            held.release();
        }
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
        Pause held = pause;
        if (held != null && held.step == step) {
            pause = null;
            held.hold();
        }
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
