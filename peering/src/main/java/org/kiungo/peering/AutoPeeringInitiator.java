package org.kiungo.peering;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.ledger.Ids;

/**
 * The asking side of auto-peering ({@code createOrUpdatePeerByUrl}). Everything that can be checked here is
 * checked before the request goes out, and the local peer is written only after the other node has answered and
 * its answer has been checked, so a failure leaves nothing half-made on our side. The other node may then hold
 * a peer for us whose incoming token we never use; repeating the call updates that same peer (the other node
 * finds it by our address and asset) and rotates the token.
 */
final class AutoPeeringInitiator {
    /** Largest answer read: an answer is a few hundred bytes. */
    static final int ANSWER_BYTES_MAX = AutoPeeringHandler.BODY_BYTES_MAX;

    private final PeeringServices services;
    private final NodeIdentity identity;
    private final HttpClient http;
    private final Duration timeout;

    AutoPeeringInitiator(PeeringServices services, NodeIdentity identity, HttpClient http, Duration timeout) {
        this.services = services;
        this.identity = identity;
        this.http = http;
        this.timeout = timeout;
    }

    PeerUpsert createOrUpdate(PeerByUrl input) {
        AssetRecord asset = services.assets().get(input.assetId());
        URI peerUrl = Inputs.url("peerUrl", input.peerUrl());
        String outgoingToken = PeerTokens.random();
        AutoPeeringMessages.Answer answer = send(peerUrl, asset, new AutoPeeringMessages.Request(
                identity.ilpConnectorUrl().toString(), identity.ilpAddress().value(), asset.code(), asset.scale(),
                outgoingToken, input.maxPacketAmount(), Optional.of(identity.instanceName())));
        String problem = IlpAddress.problem(answer.staticIlpAddress());
        if (problem != null || IlpAddress.of(answer.staticIlpAddress()).startsWith(identity.ilpAddress())) {
            throw misconfigured(peerUrl, "its staticIlpAddress \"" + answer.staticIlpAddress() + "\" is "
                    + (problem != null ? "invalid (" + problem + ")" : "ours or below ours"));
        }
        OptionalLong deposit = input.liquidityToDeposit().isPresent() && input.liquidityToDeposit().getAsLong() != 0
                ? input.liquidityToDeposit() : OptionalLong.empty();
        PeerUpsert result;
        try {
            result = services.peers().createOrUpdate(new CreatePeer(asset.id().toString(),
                    answer.staticIlpAddress(), input.name().or(answer::name), answer.ilpConnectorUrl(),
                    outgoingToken, List.of(answer.httpToken()), input.maxPacketAmount(), input.liquidityThreshold(),
                    deposit, List.of()));
        } catch (PeeringException e) {
            if (e.error() == PeeringError.BAD_USER_INPUT) {
                throw misconfigured(peerUrl, e.getMessage());
            }
            throw e;
        }
        if (!result.created() && deposit.isPresent()) {
            try {
                services.liquidity().depositToPeer(result.peer(), asset, Ids.random(), deposit.getAsLong());
            } catch (PeeringException e) {
                throw new PeeringException(e.error(), "peer " + result.peer().id() + " was updated with the new "
                        + "tokens the other node now expects, but liquidityToDeposit was refused: " + e.getMessage());
            }
        }
        return result;
    }

    private AutoPeeringMessages.Answer send(URI peerUrl, AssetRecord asset, AutoPeeringMessages.Request request) {
        HttpRequest post = HttpRequest.newBuilder(peerUrl).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(AutoPeeringMessages.write(request))).build();
        PeerCall call;
        try {
            call = PeerCall.send(http, post, ANSWER_BYTES_MAX, "peerUrl");
        } catch (PeeringException e) {
            throw new PeeringException(e.error(), e.getMessage() + ": the URL is wrong or the peer does not run an "
                    + "auto-peering server; nothing was created");
        }
        if (call.tooLarge()) {
            throw misconfigured(peerUrl, "its answer is larger than " + ANSWER_BYTES_MAX + " bytes");
        }
        int status = call.status();
        byte[] body = call.body();
        if (status != 200) {
            throw refused(peerUrl, asset, status, body);
        }
        try {
            return AutoPeeringMessages.answer(body);
        } catch (AutoPeeringRefusal e) {
            throw misconfigured(peerUrl, e.getMessage());
        }
    }

    /** The other node's refusal, in words that say whose configuration to fix. */
    private static PeeringException refused(URI peerUrl, AssetRecord asset, int status, byte[] body) {
        String type = errorType(body);
        return switch (type) {
            case "UnknownAsset" -> new PeeringException(PeeringError.BAD_USER_INPUT, "the peer at " + peerUrl
                    + " does not support asset " + asset.code() + " with scale " + asset.scale()
                    + "; nothing was created");
            case "InvalidPeerIlpConfiguration" -> new PeeringException(PeeringError.BAD_USER_INPUT, "the peer at "
                    + peerUrl + " found our ILP configuration misconfigured (check ILP_ADDRESS and "
                    + "ILP_CONNECTOR_URL); nothing was created");
            case "PeeringNotAllowed" -> new PeeringException(PeeringError.FORBIDDEN, "the peer at " + peerUrl
                    + " does not auto-peer with our ILP address; nothing was created");
            default -> new PeeringException(PeeringError.BAD_USER_INPUT, "the peer at " + peerUrl + " refused "
                    + "the peering request (HTTP " + status + (type.isEmpty() ? "" : ", " + type)
                    + "); nothing was created");
        };
    }

    private static String errorType(byte[] body) {
        try {
            String type = AutoPeeringMessages.errorType(body);
            return type.matches("[A-Za-z]{1,64}") ? type : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static PeeringException misconfigured(URI peerUrl, String reason) {
        return new PeeringException(PeeringError.BAD_USER_INPUT, "the peer at " + peerUrl + " answered with a "
                + "misconfigured ILP configuration: " + reason + "; nothing was created here");
    }
}
