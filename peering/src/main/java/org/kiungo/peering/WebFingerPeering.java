package org.kiungo.peering;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * Peering by WebFinger (seed 003, Appendix A): fetch the other node's record, compute the X25519 shared secret
 * with our {@link NodeKey}, derive the peer ledger prefix and the auth token, and create (or update) the peer with
 * them. Both operators do this, each naming the other's host, and both nodes derive the same prefix and token
 * without either being sent: the token is both sides' incoming and outgoing bearer token, the prefix (without
 * Appendix A's trailing dot, which ILP addresses do not allow) the peer's static ILP address. The node's own
 * address from the record, when given, becomes the peer's route. Nothing is written until the record has been
 * fetched and checked.
 */
final class WebFingerPeering {
    /** Largest record read: a record is a few hundred bytes. */
    static final int RECORD_BYTES_MAX = 16 * 1024;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:\\d{1,5})?");

    private final PeeringServices services;
    private final NodeIdentity identity;
    private final NodeKey key;
    private final HttpClient http;
    private final Duration timeout;

    WebFingerPeering(PeeringServices services, NodeIdentity identity, NodeKey key, HttpClient http,
                     Duration timeout) {
        this.services = services;
        this.identity = identity;
        this.key = key;
        this.http = http;
        this.timeout = timeout;
    }

    PeerUpsert peer(PeerByWebFinger input) {
        AssetRecord asset = services.assets().get(input.assetId());
        String origin = origin(input.hostname());
        WebFingerRecord record = fetch(origin);
        if (Arrays.equals(record.publicKey(), key.publicKey())) {
            throw Inputs.bad(origin + " publishes our own public key: a node cannot peer with itself");
        }
        byte[] shared = key.sharedSecret(record.publicKey());
        String prefix = WebFingerSecrets.ledgerPrefix(shared, WebFingerSecrets.ledgerCurrency(asset.code(),
                asset.scale()));
        String address = prefix.substring(0, prefix.length() - 1);
        if (!IlpAddress.isValid(address)) {
            throw Inputs.bad("asset code " + asset.code() + " cannot be part of the peer ledger prefix " + prefix);
        }
        List<String> routes = record.ilpAddress().map(List::of).orElse(List.of());
        String token = WebFingerSecrets.authToken(shared);
        try {
            return services.peers().createOrUpdate(new CreatePeer(asset.id().toString(), address,
                    input.name().or(() -> Optional.of(URI.create(origin).getAuthority())),
                    record.peersRpcUri(), token, List.of(token), input.maxPacketAmount(), input.liquidityThreshold(),
                    input.initialLiquidity(), routes));
        } catch (PeeringException e) {
            if (e.error() == PeeringError.BAD_USER_INPUT) {
                throw Inputs.bad("the WebFinger record of " + origin + " is misconfigured: " + e.getMessage());
            }
            throw e;
        }
    }

    private WebFingerRecord fetch(String origin) {
        URI uri = URI.create(origin + WebFingerHandler.PATH + "?resource="
                + URLEncoder.encode(origin, StandardCharsets.UTF_8));
        PeerCall call = PeerCall.send(http, HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/jrd+json, application/json").GET().build(), RECORD_BYTES_MAX,
                "the WebFinger record at");
        if (call.status() != 200 || call.tooLarge()) {
            throw new PeeringException(PeeringError.NOT_FOUND, "the WebFinger record at " + uri + " could not be "
                    + "read (" + (call.tooLarge() ? "larger than " + RECORD_BYTES_MAX + " bytes" : "HTTP "
                    + call.status()) + ")");
        }
        WebFingerRecord record;
        try {
            record = WebFingerRecord.parse(call.body());
        } catch (PeeringException e) {
            throw Inputs.bad(e.getMessage() + " (" + uri + ")");
        }
        if (!record.subject().equals(origin)) {
            throw Inputs.bad("the WebFinger record at " + uri + " is about \"" + record.subject() + "\", not "
                    + origin);
        }
        if (!record.protocolVersion().equals(WebFingerRecord.PROTOCOL_VERSION)) {
            throw Inputs.bad(origin + " speaks \"" + record.protocolVersion() + "\" on its peers RPC URI; we "
                    + "speak \"" + WebFingerRecord.PROTOCOL_VERSION + "\"");
        }
        if (record.ilpAddress().filter(a -> !IlpAddress.isValid(a)
                || IlpAddress.of(a).startsWith(identity.ilpAddress())).isPresent()) {
            throw Inputs.bad("the WebFinger record of " + origin + " gives an invalid ILP address, or ours");
        }
        return record;
    }

    /** The https origin of a bare host name, or the given http(s) origin; BAD_USER_INPUT for anything else. */
    static String origin(String hostname) {
        if (hostname != null && HOST.matcher(hostname).matches()) {
            return "https://" + hostname.toLowerCase(Locale.ROOT);
        }
        try {
            URI uri = new URI(hostname == null ? "" : hostname);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
                return scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
            }
        } catch (URISyntaxException e) {
            // Falls through to the refusal below.
        }
        throw Inputs.bad("hostname must be a host name such as wallet2.example or wallet2.example:8443, or an "
                + "http(s) origin such as http://127.0.0.1:3002");
    }
}
