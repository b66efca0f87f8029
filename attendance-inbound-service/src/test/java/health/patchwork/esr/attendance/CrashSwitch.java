package health.patchwork.esr.attendance;

import health.patchwork.esr.support.export.ExportCheckpoints;
import health.patchwork.esr.support.export.ExportedFile;

/** Kills the next export at one chosen point, as a process crash there would. Off unless a test arms it. */
public final class CrashSwitch implements ExportCheckpoints {

    public enum Point { NONE, BEFORE_COMMIT, AFTER_GENERATED, AFTER_UPLOADED }

    /** What a test sees instead of the process dying. */
    public static final class Crash extends RuntimeException {
        Crash(Point point) {
            super("simulated crash at " + point);
        }
    }

    private volatile Point armed = Point.NONE;

    public void arm(Point point) {
        armed = point;
    }

    public void disarm() {
        armed = Point.NONE;
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
        if (armed == point) {
            armed = Point.NONE;
            throw new Crash(point);
        }
    }
}
