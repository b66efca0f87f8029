package health.patchwork.esr.support.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/**
 * Local files that hold NHS staff personal data (downloaded GO files, TA and AB files before upload): folders 0700
 * and files 0600, so no other account on the host can read them. On a file system without POSIX permissions the
 * defaults stay (a container volume on Linux always has them).
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates {@code dir} and any missing parents owner-only; an existing {@code dir} is made owner-only too. */
    public static Path createDirectories(Path dir) throws IOException {
        if (!POSIX) {
            return Files.createDirectories(dir);
        }
        Path absolute = dir.toAbsolutePath();
        Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        Files.setPosixFilePermissions(absolute, OWNER_ONLY_DIR);
        return dir;
    }

    /** Opens {@code file} for writing (default: create or truncate), owner-only from its first byte. */
    public static OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> opened = options.length == 0
                ? Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)
                : withWrite(options);
        if (!POSIX) {
            return Files.newOutputStream(file, opened.toArray(OpenOption[]::new));
        }
        OutputStream out = Channels.newOutputStream(
                Files.newByteChannel(file, opened, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)));
        // the attribute only applies to a file this call created
        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        return out;
    }

    /** Makes an existing file owner-only (one another library wrote). */
    public static void restrict(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    private static Set<OpenOption> withWrite(OpenOption... options) {
        Set<OpenOption> set = new HashSet<>(Set.of(options));
        set.add(StandardOpenOption.WRITE);
        return set;
    }
}
