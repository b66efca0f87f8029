package health.patchwork.esr.support.mailbox;

import java.time.Instant;

/** A regular file in a mailbox folder, as a listing shows it. */
public record RemoteFile(String name, long size, Instant modified) {
}
