package health.patchwork.esr.support.mailbox;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import health.patchwork.esr.support.settings.ReadableFile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Trust's ESR SFTP mailbox. Key-based login only, and the server's host key must be pinned in a known_hosts
 * file: there is deliberately no setting that accepts an unknown key.
 *
 * @param host mailbox host name
 * @param port SSH port
 * @param username mailbox account
 * @param privateKey path of the client's private key (OpenSSH or PEM), mounted as a secret
 * @param privateKeyPassphrase passphrase of that key, from the environment or a secrets file (optional)
 * @param knownHosts path of a known_hosts file holding the mailbox's host key
 * @param outboundDir remote folder where ESR drops GO files (ESR to us)
 * @param inboundDir remote folder where we upload TA, AB and GDR files (us to ESR)
 * @param timeout connect and read timeout
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
        @DefaultValue("30s") @NotNull Duration timeout) {

    @Override
    public String toString() {
        // the passphrase is a secret: keep it out of logs, actuator output and failure messages
        return "MailboxSettings[host=" + host + ", port=" + port + ", username=" + username + ", privateKey="
                + privateKey + ", knownHosts=" + knownHosts + ", outboundDir=" + outboundDir + ", inboundDir="
                + inboundDir + ", timeout=" + timeout + "]";
    }
}
