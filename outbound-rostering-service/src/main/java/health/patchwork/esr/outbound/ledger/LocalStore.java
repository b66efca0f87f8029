package health.patchwork.esr.outbound.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.support.files.PrivateFiles;

import org.springframework.stereotype.Component;

/**
 * Local copies of downloaded files: {@code incoming/} while they are being processed or held, {@code archive/}
 * (gzip, kept for {@code archiveRetentionDays}) once done, {@code quarantine/} with the validation report when
 * invalid (kept for {@code quarantineRetentionDays}). Local names are prefixed with the ledger id, so two deliveries of one name never collide.
 * They hold staff personal data: folders are 0700 and files 0600 ({@link PrivateFiles}), whatever the umask.
 */
@Component
public class LocalStore {

    private static final String REPORT_SUFFIX = ".report.json";
    /** A download in progress; renamed to the local name once complete and hashed. */
    private static final String DOWNLOAD_SUFFIX = ".download";
    /** What the mailbox client may write before its own rename (it names partial files this way too). */
    private static final String PART_SUFFIX = ".part";

    private final OutboundSettings settings;
    private final Clock clock;
    private final AtomicBoolean secured = new AtomicBoolean();

    public LocalStore(OutboundSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Path incoming(long id, String fileName) {
        return directory(settings.incomingDir()).resolve(id + "-" + fileName);
    }

    /** Where the download of {@code target} is written until it is complete. */
    public Path downloading(Path target) {
        return target.resolveSibling(target.getFileName() + DOWNLOAD_SUFFIX);
    }

    /** A complete download becomes the local copy, readable by this service's user only. */
    public void keepDownload(Path downloading, Path target) {
        try {
            Files.move(downloading, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            PrivateFiles.restrict(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes what a failed download of {@code downloading} left: the file itself and anything the mailbox client
     * wrote under a longer name of its own (its {@code .part}), whatever its suffix.
     */
    public void discardDownload(Path downloading) {
        String prefix = downloading.getFileName().toString();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(downloading.getParent()),
                f -> f.getFileName().toString().startsWith(prefix))) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes partial downloads ({@code *.download}, {@code *.part}) in {@code incoming/} not written to for
     * {@code idleFor}: what a crash or kill mid-download left behind. Called at the start of a poll, under the poll
     * lock, so no download of this instance is running then; the idle time spares one that a paused former leader
     * may still be writing into a shared volume (a live download writes all the time). Returns the names deleted.
     */
    public List<String> sweepPartialDownloads(Duration idleFor) {
        FileTime cutoff = FileTime.from(clock.instant().minus(idleFor));
        List<String> swept = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(settings.incomingDir()),
                f -> f.getFileName().toString().endsWith(DOWNLOAD_SUFFIX)
                        || f.getFileName().toString().endsWith(PART_SUFFIX))) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(f);
                    swept.add(f.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return swept;
    }

    /** Bytes a download into {@code incoming/} may use, as the file system reports them to this user. */
    public long usableSpace() {
        try {
            return Files.getFileStore(directory(settings.incomingDir())).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the work folder and what is in it owner-only, tightening folders and files an earlier version left with
     * the default mode (0755/0644). Once per process: what this version writes is owner-only from the start.
     */
    public void secure() {
        if (!secured.compareAndSet(false, true)) {
            return;
        }
        try {
            directory(settings.workDir());
            for (Path dir : List.of(settings.incomingDir(), settings.archiveDir(), settings.quarantineDir())) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(dir))) {
                    for (Path f : files) {
                        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                            PrivateFiles.restrict(f);
                        }
                    }
                }
            }
        } catch (IOException e) {
            secured.set(false);
            throw new UncheckedIOException(e);
        }
    }

    /** Compresses the file into the archive and removes the working copy; returns the archive path. */
    public Path archive(Path file) {
        Path target = directory(settings.archiveDir()).resolve(file.getFileName() + ".gz");
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = new GZIPOutputStream(PrivateFiles.newOutputStream(target), 64 * 1024)) {
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
            Path report = dir.resolve(file.getFileName() + REPORT_SUFFIX);
            try (OutputStream out = PrivateFiles.newOutputStream(report)) {
                out.write((reportJson == null ? "{}" : reportJson).getBytes(StandardCharsets.UTF_8));
            }
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
            return PrivateFiles.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
