package health.patchwork.esr.outbound.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import health.patchwork.esr.outbound.config.OutboundSettings;

import org.springframework.stereotype.Component;

/**
 * Local copies of downloaded files: {@code incoming/} while they are being processed or held, {@code archive/}
 * (gzip, kept for {@code archiveRetentionDays}) once done, {@code quarantine/} with the validation report when
 * invalid (kept for {@code quarantineRetentionDays}). Local names are prefixed with the ledger id, so two deliveries of one name never collide.
 */
@Component
public class LocalStore {

    private static final String REPORT_SUFFIX = ".report.json";

    private final OutboundSettings settings;
    private final Clock clock;

    public LocalStore(OutboundSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Path incoming(long id, String fileName) {
        return directory(settings.incomingDir()).resolve(id + "-" + fileName);
    }

    /** Compresses the file into the archive and removes the working copy; returns the archive path. */
    public Path archive(Path file) {
        Path target = directory(settings.archiveDir()).resolve(file.getFileName() + ".gz");
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(target), 64 * 1024)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        delete(file);
        return target;
    }

    /** Moves the file into quarantine and writes its report next to it; returns the quarantined path. */
    public Path quarantine(Path file, String reportJson) {
        Path dir = directory(settings.quarantineDir());
        Path target = dir.resolve(file.getFileName());
        try {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve(file.getFileName() + REPORT_SUFFIX), reportJson == null ? "{}" : reportJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Brings a quarantined file back to incoming for another attempt. */
    public Path restore(Path quarantined, long id, String fileName) {
        Path target = incoming(id, fileName);
        try {
            Files.move(quarantined, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Deletes archived files older than {@code archiveRetentionDays}; returns the paths deleted. */
    public List<Path> purgeArchive(Consumer<Path> beforeDelete) {
        return purgeOlderThan(settings.archiveDir(), "*.gz", settings.archiveRetentionDays(), beforeDelete);
    }

    /**
     * Deletes quarantined files (and their reports) older than {@code quarantineRetentionDays}; returns the paths
     * of the files deleted, not of their reports.
     */
    public List<Path> purgeQuarantine(Consumer<Path> beforeDelete) {
        // a report is never older than its file; one left behind by a reprocessed file goes on its own age
        List<Path> files = purgeOlderThan(settings.quarantineDir(), "*", settings.quarantineRetentionDays(),
                beforeDelete).stream()
                .filter(file -> !file.getFileName().toString().endsWith(REPORT_SUFFIX)).toList();
        files.forEach(file -> delete(file.resolveSibling(file.getFileName() + REPORT_SUFFIX)));
        return files;
    }

    /**
     * By modification time: the archive copy is written when the file is done, a quarantined one when downloaded.
     * {@code beforeDelete} sees each file before it goes, so a crash in between leaves a file recorded as purged
     * that the next run deletes, never a deleted file the ledger still claims to hold.
     */
    private List<Path> purgeOlderThan(Path dir, String glob, int days, Consumer<Path> beforeDelete) {
        FileTime cutoff = FileTime.from(clock.instant().minus(Duration.ofDays(days)));
        List<Path> purged = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(dir), glob)) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).compareTo(cutoff) < 0) {
                    beforeDelete.accept(f);
                    delete(f);
                    purged.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return purged;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
