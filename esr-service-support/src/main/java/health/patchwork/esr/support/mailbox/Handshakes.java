package health.patchwork.esr.support.mailbox;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * Watches every SSH handshake with the mailbox: offers the host-key algorithms in {@link HostKeyPolicy}'s order,
 * checks the server's key against known_hosts, and remembers what each side offered and which key was refused, so
 * a failure can be told apart: no algorithm in common, a changed key, an unknown host.
 */
public final class Handshakes implements SessionListener {

    private final HostKeyPolicy policy;
    private final Clock clock;
    private final AtomicReference<Negotiation> lastNegotiation = new AtomicReference<>();
    private final AtomicReference<Refusal> lastRefusal = new AtomicReference<>();
    private final AtomicReference<Dropped> lastDropped = new AtomicReference<>();

    Handshakes(HostKeyPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** What the last key exchange saw: the host-key algorithms each side offered, the one agreed, or the failure. */
    public record Negotiation(Instant at, String ourHostKeyAlgorithms, String serverHostKeyAlgorithms,
                              String agreedHostKeyAlgorithm, String failure) {
    }

    /** A host key known_hosts did not accept: the key the server presented and the ones pinned. */
    public record Refusal(Instant at, String presentedType, String presentedFingerprint,
                          List<HostKeyPolicy.PinnedKey> pinned, boolean unknownHost) {
    }

    /** A session MINA ended itself: keep-alives unanswered, or a login that took too long. */
    public record Dropped(Instant at, String reason) {
    }

    public Dropped lastDropped() {
        return lastDropped.get();
    }

    public Negotiation lastNegotiation() {
        return lastNegotiation.get();
    }

    public Refusal lastRefusal() {
        return lastRefusal.get();
    }

    public HostKeyPolicy policy() {
        return policy;
    }

    @Override
    public void sessionNegotiationOptionsCreated(Session session, Map<KexProposalOption, String> proposal) {
        // only the host-key algorithms change: our own key still signs with whatever the server accepts
        proposal.put(KexProposalOption.SERVERKEYS, String.join(",", policy.proposal()));
    }

    @Override
    public void sessionNegotiationEnd(Session session, Map<KexProposalOption, String> clientProposal,
                                      Map<KexProposalOption, String> serverProposal,
                                      Map<KexProposalOption, String> negotiatedOptions, Throwable reason) {
        lastNegotiation.set(new Negotiation(clock.instant(), get(clientProposal), get(serverProposal),
                negotiatedOptions == null ? null : negotiatedOptions.get(KexProposalOption.SERVERKEYS),
                reason == null ? null : reason.getMessage()));
    }

    @Override
    public void sessionException(Session session, Throwable t) {
        String message = String.valueOf(t.getMessage());
        if (message.contains("heartbeat") || message.contains("AuthTimeout")) {
            lastDropped.set(new Dropped(clock.instant(), message));
        }
    }

    @Override
    public void sessionDisconnect(Session session, int reason, String msg, String language, boolean initiator) {
        if (initiator && msg != null && (msg.contains("heartbeat") || msg.contains("AuthTimeout"))) {
            lastDropped.set(new Dropped(clock.instant(), msg));
        }
    }

    /** known_hosts checking that records what it refused; an unknown or changed key is always refused. */
    ServerKeyVerifier verifier(MailboxSettings settings) {
        ServerKeyVerifier unknownHost = (session, address, key) -> refuse(key, true);
        KnownHostsServerKeyVerifier knownHosts = new KnownHostsServerKeyVerifier(unknownHost, settings.knownHosts()) {
            @Override
            protected void handleRevokedKey(ClientSession session, SocketAddress address, PublicKey key) {
                refuse(key, false);
                super.handleRevokedKey(session, address, key);
            }
        };
        knownHosts.setModifiedServerKeyAcceptor(
                (ClientSession session, SocketAddress address, KnownHostEntry entry, PublicKey expected,
                 PublicKey actual) -> refuse(actual, false));
        return knownHosts;
    }

    private boolean refuse(PublicKey presented, boolean unknownHost) {
        lastRefusal.set(new Refusal(clock.instant(), KeyUtils.getKeyType(presented), KeyUtils.getFingerPrint(presented),
                policy.pinnedKeys(), unknownHost));
        return false;
    }

    private static String get(Map<KexProposalOption, String> proposal) {
        return proposal == null ? null : proposal.get(KexProposalOption.SERVERKEYS);
    }
}
