package health.patchwork.esr.support.mailbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import health.patchwork.esr.support.settings.ReadableFile;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The Trust's ESR SFTP mailbox. Key-based login only, and the server's host key must be pinned in a known_hosts
 * file: there is deliberately no setting that accepts an unknown key.
 *
 * @param host mailbox host name
 * @param port SSH port
 * @param username mailbox account
 * @param privateKey path of the client's private key (OpenSSH or PEM; ed25519, ECDSA or RSA), mounted as a secret
 * @param privateKeyPassphrase passphrase of that key, from the environment or a secrets file (optional)
 * @param knownHosts path of a known_hosts file holding the mailbox's host key (ed25519, ECDSA or RSA)
 * @param outboundDir remote folder where ESR drops GO files (ESR to us)
 * @param inboundDir remote folder where we upload TA, AB and GDR files (us to ESR)
 * @param timeout how long connecting, the SSH handshake and logging in may take
 * @param readTimeout longest wait for any one answer from the server once logged in (a listing, a block of a
 *        transfer, a rename); a session that stays silent longer is abandoned
 * @param keepAliveInterval how often an open session sends an SSH keep-alive the server must answer
 * @param keepAliveMaxMissed keep-alives left unanswered before the session is dropped as dead
 * @param minThroughput slowest transfer rate accepted, per second: a transfer gets {@code readTimeout} plus its size
 *        at this rate, and is abandoned (and retried later) when it takes longer
 * @param sessionWait longest wait for a free pooled session before an operation fails
 * @param healthProbeInterval how often a background login checks the mailbox for {@code /actuator/health} (health
 *        requests themselves never connect to the mailbox)
 * @param hostKeyAlgorithms host-key algorithms we accept, most preferred first (the pinned key's type is always
 *        offered first); SHA-1 {@code ssh-rsa} and DSA are left out on purpose
 */
@Validated
@ConfigurationProperties("esr.mailbox")
public record MailboxSettings(
        @NotBlank String host,
        @DefaultValue("22") @Min(1) @Max(65535) int port,
        @NotBlank String username,
        @NotNull @ReadableFile Path privateKey,
        String privateKeyPassphrase,
        @NotNull @ReadableFile Path knownHosts,
        @DefaultValue("/out") @NotBlank @Pattern(regexp = "/.*", message = "must be an absolute remote path") String outboundDir,
        @DefaultValue("/in") @NotBlank @Pattern(regexp = "/.*", message = "must be an absolute remote path") String inboundDir,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration timeout,
        @DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration readTimeout,
        @DefaultValue("15s") @NotNull @DurationMin(millis = 1) Duration keepAliveInterval,
        @DefaultValue("4") @Min(1) @Max(100) int keepAliveMaxMissed,
        @DefaultValue("32KB") @NotNull DataSize minThroughput,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration sessionWait,
        @DefaultValue("5m") @NotNull @DurationMin(millis = 1) Duration healthProbeInterval,
        @DefaultValue({"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                "rsa-sha2-512", "rsa-sha2-256"}) @NotEmpty @SupportedHostKeyAlgorithms List<@NotBlank String> hostKeyAlgorithms) {

    @ConstructorBinding
    public MailboxSettings {
        hostKeyAlgorithms = hostKeyAlgorithms == null ? List.of() : List.copyOf(hostKeyAlgorithms);
    }

    @AssertTrue(message = "esr.mailbox.min-throughput must be at least 1B (bytes per second)")
    public boolean isMinThroughputPositive() {
        return minThroughput == null || minThroughput.toBytes() > 0;
    }

    /** The settings with every timeout, interval and algorithm at its default (tests and tools). */
    public MailboxSettings(String host, int port, String username, Path privateKey, String privateKeyPassphrase,
                           Path knownHosts, String outboundDir, String inboundDir, Duration timeout) {
        this(host, port, username, privateKey, privateKeyPassphrase, knownHosts, outboundDir, inboundDir, timeout,
                Duration.ofSeconds(60), Duration.ofSeconds(15), 4, DataSize.ofKilobytes(32), Duration.ofSeconds(30),
                Duration.ofMinutes(5), List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
                        "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256"));
    }

    /** A copy with other transport timeouts: what the stall tests and the reliability harness tune. */
    public MailboxSettings withTimeouts(Duration newReadTimeout, Duration newKeepAliveInterval,
                                        DataSize newMinThroughput) {
        return new MailboxSettings(host, port, username, privateKey, privateKeyPassphrase, knownHosts, outboundDir,
                inboundDir, timeout, newReadTimeout, newKeepAliveInterval, keepAliveMaxMissed, newMinThroughput,
                sessionWait, healthProbeInterval, hostKeyAlgorithms);
    }

    /** How long a transfer of {@code bytes} may take before it is abandoned as stalled. */
    public Duration transferDeadline(long bytes) {
        return readTimeout.plusMillis(Math.max(0, bytes) / minThroughput.toBytes() * 1000
                + Math.max(0, bytes) % minThroughput.toBytes() * 1000 / minThroughput.toBytes());
    }

    public String endpoint() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        // the passphrase is a secret: keep it out of logs, actuator output and failure messages
        return "MailboxSettings[host=" + host + ", port=" + port + ", username=" + username + ", privateKey="
                + privateKey + ", knownHosts=" + knownHosts + ", outboundDir=" + outboundDir + ", inboundDir="
                + inboundDir + ", timeout=" + timeout + ", readTimeout=" + readTimeout + ", keepAliveInterval="
                + keepAliveInterval + ", keepAliveMaxMissed=" + keepAliveMaxMissed + ", minThroughput="
                + minThroughput + ", sessionWait=" + sessionWait + ", healthProbeInterval=" + healthProbeInterval
                + ", hostKeyAlgorithms=" + hostKeyAlgorithms + "]";
    }
}
