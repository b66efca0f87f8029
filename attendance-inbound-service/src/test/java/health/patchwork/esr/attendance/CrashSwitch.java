package health.patchwork.esr.attendance;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import health.patchwork.esr.support.export.ExportCheckpoints;
import health.patchwork.esr.support.export.ExportedFile;

/**
 * Kills the next export at one chosen point, as a process crash there would, or holds it there until the test lets
 * it go on (to run something else while the export is exactly at that step). Off unless a test arms it.
 */
public final class CrashSwitch implements ExportCheckpoints {

    public enum Point { NONE, BEFORE_COMMIT, AFTER_GENERATED, AFTER_UPLOADED }

    /** What a test sees instead of the process dying. */
    public static final class Crash extends RuntimeException {
        Crash(Point point) {
            super("simulated crash at " + point);
        }
    }

    /**
     * An export held at one point: at {@link Point#BEFORE_COMMIT} its entries are tagged and its file written, in a
     * transaction that has not committed (so it holds the row locks of the tagged entries).
     */
    public static final class Pause {

        /** Only against a hang: a test that forgets to release fails instead of blocking the build. */
        private static final long HANG_GUARD_SECONDS = 120;

        private final Point point;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean crash;

        private Pause(Point point) {
            this.point = point;
        }

        /** Returns once the export is held at the point. */
        public void awaitReached() throws InterruptedException {
            if (!reached.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the export never reached " + point);
            }
        }

        /** Lets the export go on from the point. */
        public void release() {
            released.countDown();
        }

        /** Lets the export crash at the point (its transaction rolls back when held before the commit). */
        public void crash() {
            crash = true;
            released.countDown();
        }

        private void hold() {
            reached.countDown();
            try {
                if (!released.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("export held at " + point + " was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held at " + point, e);
            }
            if (crash) {
                throw new Crash(point);
            }
        }
    }

    private volatile Point armed = Point.NONE;
    private volatile Pause pause;

    public void arm(Point point) {
        armed = point;
    }

    /** Holds the next export that reaches {@code point} there. */
    public Pause pauseAt(Point point) {
        Pause next = new Pause(point);
        pause = next;
        return next;
    }

    public void disarm() {
        armed = Point.NONE;
        Pause held = pause;
        pause = null;
        if (held != null) {
            held.release();
        }
    }

    @Override
    public void beforeCommit(long fileId) {
        fire(Point.BEFORE_COMMIT);
    }

    @Override
    public void afterGenerated(ExportedFile file) {
        fire(Point.AFTER_GENERATED);
    }

    @Override
    public void afterUploaded(ExportedFile file) {
        fire(Point.AFTER_UPLOADED);
    }

    private void fire(Point point) {
        Pause held = pause;
        if (held != null && held.point == point) {
            pause = null;
            held.hold();
        }
        if (armed == point) {
            armed = Point.NONE;
            throw new Crash(point);
        }
    }
}
