package health.patchwork.esr.reliability.network;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import health.patchwork.esr.formats.validate.InboundFileValidator;
import health.patchwork.esr.formats.validate.InboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationReport;

/**
 * Watches the mailbox's inbound folder on the server's own disk, as ESR's collector would see it, and checks every
 * file under a final name (anything but {@code .part}) the first moment it shows up: its content must be a complete,
 * valid TA file, and its size must never change afterwards. Only the temporary name may ever hold a partial file.
 */
final class FinalNameWatcher implements AutoCloseable {

    private final Path folder;
    private final InboundFileValidator validator = new InboundFileValidator(InboundValidationOptions.forVpd("123"));
    private final Map<String, Long> firstSize = new ConcurrentHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long scans;

    FinalNameWatcher(Path folder) {
        this.folder = folder;
        this.thread = new Thread(this::watch, "final-name-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (running) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".part")) {
                        look(file, name);
                    }
                }
                scans++;
                Thread.sleep(2);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void look(Path file, String name) throws IOException {
        try {
            Long seen = firstSize.get(name);
            if (seen != null) {
                long size = Files.size(file);
                if (size != seen) {
                    violations.add(name + " changed size under its final name: " + seen + " then " + size);
                }
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            firstSize.put(name, (long) bytes.length);
            ValidationReport report = validator.validate(new ByteArrayInputStream(bytes), name);
            if (!report.isValid()) {
                violations.add(name + " appeared under its final name with " + bytes.length + " bytes that do not"
                        + " validate: " + report.outcome());
            }
        } catch (NoSuchFileException gone) {
            violations.add(name + " vanished after it appeared under its final name");
        }
    }

    /** Final names seen so far. */
    Set<String> seen() {
        return Collections.unmodifiableSet(firstSize.keySet());
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    long scans() {
        return scans;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
