package org.kiungo.admin;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kiungo.connector.HttpLink;
import org.kiungo.peering.AssetRecord;
import org.kiungo.peering.CreatePeer;
import org.kiungo.peering.PeerByUrl;
import org.kiungo.peering.PeerByWebFinger;
import org.kiungo.peering.PeerRecord;
import org.kiungo.peering.PeerUpsert;
import org.kiungo.peering.PeeringError;
import org.kiungo.peering.PeeringException;
import org.kiungo.peering.PeeringServices;
import org.kiungo.peering.RemotePeering;
import org.kiungo.peering.UpdatePeer;

/**
 * The schema's mutations, each one call into the peering services, answering Rafiki's {@code code},
 * {@code success} and {@code message} with the object. Failures are thrown as {@link PeeringException} and become
 * GraphQL errors with {@code extensions.code}.
 */
final class MutationResolvers {
    private final PeeringServices services;
    private final Views views;
    private final Optional<RemotePeering> remote;

    MutationResolvers(PeeringServices services, Views views, Optional<RemotePeering> remote) {
        this.services = services;
        this.views = views;
        this.remote = remote;
    }

    /** Every mutation by name; each takes the coerced arguments and returns the response map. */
    Map<String, Mutation> mutations() {
        return Map.ofEntries(
                Map.entry("createAsset", this::createAsset),
                Map.entry("updateAsset", this::updateAsset),
                Map.entry("createPeer", this::createPeer),
                Map.entry("updatePeer", this::updatePeer),
                Map.entry("deletePeer", this::deletePeer),
                Map.entry("depositPeerLiquidity", in -> depositPeer(in, "Deposited peer liquidity")),
                Map.entry("addPeerLiquidity", in -> depositPeer(in, "Added peer liquidity")),
                Map.entry("createPeerLiquidityWithdrawal", this::withdrawPeer),
                Map.entry("postLiquidityWithdrawal", in -> {
                    services.liquidity().post(in.string("withdrawalId"));
                    return Views.success("Posted Withdrawal", "error", null);
                }),
                Map.entry("voidLiquidityWithdrawal", in -> {
                    services.liquidity().voidWithdrawal(in.string("withdrawalId"));
                    return Views.success("Voided Withdrawal", "error", null);
                }),
                Map.entry("depositAssetLiquidity", this::depositAsset),
                Map.entry("createAssetLiquidityWithdrawal", this::withdrawAsset),
                Map.entry("createOrUpdatePeerByUrl", this::peerByUrl),
                Map.entry("peerByWebFinger", this::peerByWebFinger));
    }

    /**
     * The arguments of a mutation as one input object: {@code input}, or for the older post and void forms the
     * top-level {@code withdrawalId}.
     */
    static Arguments input(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String withdrawalId = env.getArgument("withdrawalId");
        if (input != null && withdrawalId != null) {
            throw new PeeringException(PeeringError.BAD_USER_INPUT, "give withdrawalId or input, not both");
        }
        if (input == null && withdrawalId == null) {
            throw new PeeringException(PeeringError.BAD_USER_INPUT, "withdrawalId (or input.withdrawalId) is "
                    + "required");
        }
        return new Arguments(input != null ? input : Map.of("withdrawalId", withdrawalId));
    }

    private Map<String, Object> createAsset(Arguments in) {
        AssetRecord asset = services.assets().create(in.string("code"), in.integer("scale"),
                in.optionalAmount("liquidityThreshold"), in.optionalAmount("withdrawalThreshold"),
                in.optionalAmount("liquidityHighThreshold"));
        return Views.success("Created Asset", "asset", views.asset(asset));
    }

    private Map<String, Object> updateAsset(Arguments in) {
        AssetRecord asset = services.assets().update(in.string("id"), in.optionalAmount("liquidityThreshold"),
                in.optionalAmount("withdrawalThreshold"), in.optionalAmount("liquidityHighThreshold"));
        return Views.success("Updated Asset", "asset", views.asset(asset));
    }

    private Map<String, Object> createPeer(Arguments in) {
        Arguments http = in.object("http").orElseThrow();
        Arguments outgoing = http.object("outgoing").orElseThrow();
        List<String> incoming = http.object("incoming").flatMap(i -> i.strings("authTokens")).orElse(List.of());
        PeerRecord peer = services.peers().create(new CreatePeer(in.string("assetId"),
                in.string("staticIlpAddress"), in.optionalString("name"), outgoing.string("endpoint"),
                outgoing.string("authToken"), incoming, in.optionalAmount("maxPacketAmount"),
                in.optionalAmount("liquidityThreshold"), in.optionalAmount("initialLiquidity"),
                in.strings("routes").orElse(List.of()), in.optionalAmount("liquidityHighThreshold"),
                httpMode(outgoing).orElse(HttpLink.Mode.SYNCHRONOUS),
                outgoing.optionalBoolean("http2").orElse(false)));
        return Views.success("Created ILP Peer", "peer", views.peer(peer));
    }

    private Map<String, Object> updatePeer(Arguments in) {
        Optional<Arguments> http = in.object("http");
        Optional<Arguments> outgoing = http.flatMap(h -> h.object("outgoing"));
        PeerRecord peer = services.peers().update(new UpdatePeer(in.string("id"), in.optionalString("name"),
                in.optionalString("staticIlpAddress"), outgoing.map(o -> o.string("endpoint")),
                outgoing.map(o -> o.string("authToken")),
                http.flatMap(h -> h.object("incoming")).flatMap(i -> i.strings("authTokens")),
                in.optionalAmount("maxPacketAmount"), in.optionalAmount("liquidityThreshold"),
                in.strings("routes"), in.optionalAmount("liquidityHighThreshold"),
                outgoing.flatMap(MutationResolvers::httpMode), outgoing.flatMap(o -> o.optionalBoolean("http2"))));
        return Views.success("Updated ILP Peer", "peer", views.peer(peer));
    }

    /** The schema's HttpMode enum, whose values graphql-java hands over by name, already checked. */
    private static Optional<HttpLink.Mode> httpMode(Arguments outgoing) {
        return outgoing.optionalString("mode").map(HttpLink.Mode::valueOf);
    }

    private Map<String, Object> deletePeer(Arguments in) {
        services.peers().delete(in.string("id"));
        return Views.success("Deleted ILP Peer", null, null);
    }

    private Map<String, Object> depositPeer(Arguments in, String message) {
        PeerRecord peer = services.peers().get(in.string("peerId"));
        AssetRecord asset = services.assets().get(peer.assetId().toString());
        services.liquidity().depositToPeer(peer, asset, transferId(in), in.amount("amount"));
        return Views.success(message, "error", null);
    }

    private Map<String, Object> withdrawPeer(Arguments in) {
        PeerRecord peer = services.peers().get(in.string("peerId"));
        AssetRecord asset = services.assets().get(peer.assetId().toString());
        services.liquidity().withdrawFromPeer(peer, asset, transferId(in), in.amount("amount"),
                in.optionalAmount("timeoutSeconds"));
        return Views.success("Created peer liquidity withdrawal", "error", null);
    }

    private Map<String, Object> depositAsset(Arguments in) {
        AssetRecord asset = services.assets().get(in.string("assetId"));
        services.liquidity().depositToAsset(asset, transferId(in), in.amount("amount"));
        return Views.success("Deposited asset liquidity", "error", null);
    }

    private Map<String, Object> withdrawAsset(Arguments in) {
        AssetRecord asset = services.assets().get(in.string("assetId"));
        services.liquidity().withdrawFromAsset(asset, transferId(in), in.amount("amount"),
                in.optionalAmount("timeoutSeconds"));
        return Views.success("Created asset liquidity withdrawal", "error", null);
    }

    private Map<String, Object> peerByUrl(Arguments in) {
        PeerUpsert result = remote().createOrUpdatePeerByUrl(new PeerByUrl(in.string("peerUrl"),
                in.string("assetId"), in.optionalString("name"), in.optionalAmount("maxPacketAmount"),
                in.optionalAmount("liquidityThreshold"), in.optionalAmount("liquidityToDeposit")));
        return Views.success(result.created() ? "ILP peer created" : "ILP peer updated", "peer",
                views.peer(result.peer()));
    }

    private Map<String, Object> peerByWebFinger(Arguments in) {
        PeerUpsert result = remote().peerByWebFinger(new PeerByWebFinger(in.string("hostname"),
                in.string("assetId"), in.optionalString("name"), in.optionalAmount("maxPacketAmount"),
                in.optionalAmount("liquidityThreshold"), in.optionalAmount("initialLiquidity")));
        return Views.success(result.created() ? "ILP peer created" : "ILP peer updated", "peer",
                views.peer(result.peer()));
    }

    private RemotePeering remote() {
        return remote.orElseThrow(() -> new PeeringException(PeeringError.FORBIDDEN, "this admin API was started "
                + "without remote peering, so it cannot reach other nodes"));
    }

    static UUID transferId(Arguments in) {
        String id = in.string("id");
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the refusal below.
        }
        throw new PeeringException(PeeringError.BAD_USER_INPUT, "id must be a UUID chosen by you for the "
                + "transfer, such as a09b730d-8610-4fda-98fa-ec7acb19c775, not \"" + id + "\"");
    }

    /** One mutation: arguments in, response map out. */
    interface Mutation {
        Map<String, Object> run(Arguments input);
    }
}
