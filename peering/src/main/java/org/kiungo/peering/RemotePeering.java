package org.kiungo.peering;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Peering with another node over the network, as the admin API's {@code createOrUpdatePeerByUrl} and
 * {@code peerByWebFinger} ask: one HTTP
 * client for the requests to other nodes, which never follows redirects (a peer's URL is taken as given).
 */
public final class RemotePeering implements AutoCloseable {
    /** Longest wait for another node's answer, connection included. */
    public static final Duration REQUEST_TIMEOUT_MAX = Duration.ofSeconds(10);

    private final HttpClient http;
    private final AutoPeeringInitiator autoPeering;
    private final WebFingerPeering webFinger;

    private RemotePeering(HttpClient http, AutoPeeringInitiator autoPeering, WebFingerPeering webFinger) {
        this.http = http;
        this.autoPeering = autoPeering;
        this.webFinger = webFinger;
    }

    /** Remote peering for {@code services}, telling other nodes {@code identity}, with the node's {@code key}. */
    public static RemotePeering open(PeeringServices services, NodeIdentity identity, NodeKey key) {
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(key, "key");
        HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT_MAX)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        return new RemotePeering(http, new AutoPeeringInitiator(services, identity, http, REQUEST_TIMEOUT_MAX),
                new WebFingerPeering(services, identity, key, http, REQUEST_TIMEOUT_MAX));
    }

    /**
     * Sends an auto-peering request to {@code input.peerUrl()} and creates or updates our peer from the answer;
     * refused with {@link PeeringException} when the URL cannot be reached, the other node lacks the asset or
     * answers with a misconfigured address, URL or token, in which case nothing was created or changed here.
     */
    public PeerUpsert createOrUpdatePeerByUrl(PeerByUrl input) {
        return autoPeering.createOrUpdate(input);
    }

    /**
     * Peers with the node at {@code input.hostname()} by WebFinger: creates (or updates) the peer whose static ILP
     * address is the derived peer ledger prefix and whose tokens are the derived auth token. Refused with
     * {@link PeeringException} when the record cannot be fetched or is malformed, with nothing written.
     */
    public PeerUpsert peerByWebFinger(PeerByWebFinger input) {
        return webFinger.peer(input);
    }

    @Override
    public void close() {
        http.close();
    }
}
