package health.patchwork.esr.console.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A bearer token in a file (the sandbox's operator token), read again for every read so a renewal takes effect. */
final class TokenFile implements ServiceToken {

    /** Far larger than any JWT; a bigger file is not a token. */
    private static final long MAX_BYTES = 64 * 1024;

    private final Path file;

    TokenFile(Path file) {
        this.file = file;
    }

    @Override
    public String bearer() {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new Unavailable("the token file " + file + " is too large to hold a token");
            }
            String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new Unavailable("the token file " + file + " does not hold one token");
            }
            return token;
        } catch (IOException e) {
            throw new Unavailable("the token file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
