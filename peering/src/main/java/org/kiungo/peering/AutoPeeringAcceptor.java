package org.kiungo.peering;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.kiungo.codec.ilp.IlpAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accepting side of auto-peering: a node asks to peer in one of our assets, and we create (or, for an address
 * and asset we know, update) the peer, then answer with our address, connector URL, name and the token we will
 * present. The request's {@code httpToken} becomes the peer's incoming token, a fresh random one its outgoing
 * token, so a repeated request rotates both.
 *
 * <p>A new peer gets {@code defaultLiquidity} as its credit line: a posted deposit from the asset's settlement
 * account into the peer's liquidity account, exactly as {@code createPeer}'s {@code initialLiquidity}. That is
 * how much the peer may send through us before it settles; an update grants nothing more. Anyone who can reach
 * the port can ask, and a request for an existing peer's address replaces that peer's tokens, so auto-peering is
 * for sandboxes (as Rafiki's guide says) unless {@code allowedPrefixes} limits who may ask.
 */
public final class AutoPeeringAcceptor {
    private static final Logger LOG = LoggerFactory.getLogger(AutoPeeringAcceptor.class);

    private final PeeringServices services;
    private final NodeIdentity identity;
    private final long defaultLiquidity;
    private final List<IlpAddress> allowedPrefixes;

    /**
     * @param defaultLiquidity the credit line of each peer created, unsigned; 0 grants none
     * @param allowedPrefixes  the addresses that may auto-peer (themselves or below them); empty: any address
     */
    public AutoPeeringAcceptor(PeeringServices services, NodeIdentity identity, long defaultLiquidity,
                               List<IlpAddress> allowedPrefixes) {
        this.services = Objects.requireNonNull(services, "services");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.defaultLiquidity = defaultLiquidity;
        this.allowedPrefixes = List.copyOf(allowedPrefixes);
    }

    /** Accepts one request body; a refusal is thrown as {@link AutoPeeringRefusal} and has changed nothing. */
    public AutoPeeringMessages.Answer accept(byte[] body) {
        AutoPeeringMessages.Request request = AutoPeeringMessages.request(body);
        String problem = IlpAddress.problem(request.staticIlpAddress());
        if (problem != null) {
            throw AutoPeeringMessages.misconfigured("staticIlpAddress is not a valid ILP address: " + problem);
        }
        IlpAddress address = IlpAddress.of(request.staticIlpAddress());
        if (address.startsWith(identity.ilpAddress())) {
            throw AutoPeeringMessages.misconfigured("staticIlpAddress " + address + " is ours or below ours");
        }
        if (!allowedPrefixes.isEmpty() && allowedPrefixes.stream().noneMatch(address::startsWith)) {
            throw new AutoPeeringRefusal(AutoPeeringRefusal.Type.PeeringNotAllowed, address
                    + " is outside AUTO_PEERING_ALLOWED_PREFIXES");
        }
        AssetRecord asset = services.store().assets().stream()
                .filter(a -> a.code().equals(request.assetCode()) && a.scale() == request.assetScale())
                .findFirst().orElseThrow(() -> new AutoPeeringRefusal(AutoPeeringRefusal.Type.UnknownAsset,
                        "no asset " + request.assetCode() + " with scale " + request.assetScale()));
        String outgoingToken = PeerTokens.random();
        PeerUpsert result;
        try {
            result = services.peers().createOrUpdate(new CreatePeer(asset.id().toString(), address.value(),
                    request.name(), request.ilpConnectorUrl(), outgoingToken, List.of(request.httpToken()),
                    request.maxPacketAmount(), OptionalLong.empty(),
                    defaultLiquidity == 0 ? OptionalLong.empty() : OptionalLong.of(defaultLiquidity), List.of()));
        } catch (PeeringException e) {
            throw new AutoPeeringRefusal(e.error() == PeeringError.BAD_USER_INPUT
                    ? AutoPeeringRefusal.Type.InvalidPeerIlpConfiguration
                    : AutoPeeringRefusal.Type.InvalidPeeringRequest, e.getMessage());
        }
        LOG.info("auto-peering: {} peer {} at {} in {}/{}", result.created() ? "created" : "updated",
                result.peer().id(), address, asset.code(), asset.scale());
        return new AutoPeeringMessages.Answer(identity.ilpConnectorUrl().toString(), identity.ilpAddress().value(),
                outgoingToken, Optional.of(identity.instanceName()));
    }
}
