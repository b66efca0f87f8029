package health.patchwork.esr.support.mailbox;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a folder's file system saw (inotify, through {@link WatchService}) while something ran: files created and
 * deleted, in order, as {@code "created NAME"} and {@code "deleted NAME"}. Proves what a remote server did to its
 * disk, whatever it reports over the wire.
 */
final class DirectoryEvents {

    /** Generous bound for events still in flight after {@code action} returns; not a speed expectation. */
    private static final long SETTLE_SECONDS = 30;

    private DirectoryEvents() {
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** Runs {@code action} and returns the events seen, waiting until all of {@code awaited} have been seen. */
    static List<String> during(Path folder, Action action, String... awaited) throws Exception {
        List<String> seen = new ArrayList<>();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
            action.run();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
            while (!seen.containsAll(List.of(awaited)) && System.nanoTime() < deadline) {
                WatchKey key = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (key == null) {
                    break;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        throw new IOException("too many events in " + folder + " to follow");
                    }
                    seen.add((event.kind() == StandardWatchEventKinds.ENTRY_CREATE ? "created " : "deleted ")
                            + event.context());
                }
                key.reset();
            }
        }
        return seen;
    }
}
