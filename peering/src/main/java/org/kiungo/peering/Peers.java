package org.kiungo.peering;

import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.connector.Peer;
import org.kiungo.ledger.AccountKind;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.TransferKind;
import org.kiungo.ledger.TransferPage;

/**
 * Peers: created, changed and deleted in the store and in the connector's directory together, so a new peer can
 * exchange packets at once, a new token or endpoint serves the next packet and a deleted peer's routes vanish.
 * Incoming tokens are kept only as SHA-256 hashes.
 */
public final class Peers {
    /** Most incoming tokens per peer. */
    public static final int INCOMING_TOKENS_MAX = 16;
    /** The longest token accepted. */
    public static final int TOKEN_LENGTH_MAX = 1_024;

    private final PeeringStore store;
    private final Assets assets;
    private final LedgerAccounts accounts;
    private final LiquidityOperations liquidity;
    private final InMemoryPeerDirectory directory;
    private final InMemoryIncomingTokens tokens;
    private final Clock clock;
    private final Object mutations;

    Peers(PeeringStore store, Assets assets, LedgerAccounts accounts, LiquidityOperations liquidity,
          InMemoryPeerDirectory directory, InMemoryIncomingTokens tokens, Clock clock, Object mutations) {
        this.store = store;
        this.assets = assets;
        this.accounts = accounts;
        this.liquidity = liquidity;
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
        this.mutations = mutations;
    }

    /** Creates a peer, its liquidity account and its initial liquidity; a refusal changes nothing. */
    public PeerRecord create(CreatePeer input) {
        AssetRecord asset = assets.get(input.assetId());
        IlpAddress address = Inputs.ilpAddress("staticIlpAddress", input.staticIlpAddress());
        URI endpoint = Inputs.endpoint(input.endpoint());
        String outgoingToken = token("http.outgoing.authToken", input.outgoingToken());
        List<byte[]> hashes = hashes(input.incomingTokens());
        List<IlpAddress> routes = routes(input.routes());
        synchronized (mutations) {
            checkUnique(address, asset.id(), null);
            checkTokensFree(hashes, null);
            PeerRecord peer = new PeerRecord(UUID.randomUUID().toString(), input.name().filter(n -> !n.isEmpty()),
                    address, asset.id(), input.maxPacketAmount(), input.liquidityThreshold(), endpoint,
                    outgoingToken, routes, Ids.random(), clock.instant(), input.liquidityHighThreshold(),
                    input.httpMode(), input.http2());
            Peer connectorPeer = toConnector(peer, asset);
            accounts.create(peer.liquidityAccountId(), asset.ledger(), AccountKind.PEER_LIQUIDITY);
            store.insertPeer(peer, hashes);
            if (input.initialLiquidity().isPresent() && input.initialLiquidity().getAsLong() != 0) {
                try {
                    liquidity.depositToPeer(peer, asset, Ids.random(), input.initialLiquidity().getAsLong());
                } catch (RuntimeException e) {
                    store.deletePeer(peer.id());
                    throw e;
                }
            }
            directory.addHashed(connectorPeer, hashes);
            return peer;
        }
    }

    /** Changes a peer's settings; the next packet uses them. */
    public PeerRecord update(UpdatePeer input) {
        synchronized (mutations) {
            PeerRecord before = get(input.id());
            AssetRecord asset = assets.get(before.assetId().toString());
            IlpAddress address = input.staticIlpAddress().isPresent()
                    ? Inputs.ilpAddress("staticIlpAddress", input.staticIlpAddress().get()) : before.staticIlpAddress();
            URI endpoint = input.endpoint().isPresent() ? Inputs.endpoint(input.endpoint().get()) : before.endpoint();
            String outgoingToken = input.outgoingToken().isPresent()
                    ? token("http.outgoing.authToken", input.outgoingToken().get()) : before.outgoingToken();
            Optional<List<byte[]>> hashes = input.incomingTokens().map(this::hashes);
            List<IlpAddress> routes = input.routes().map(this::routes).orElse(before.routes());
            checkUnique(address, asset.id(), before.id());
            hashes.ifPresent(h -> checkTokensFree(h, before.id()));
            PeerRecord after = new PeerRecord(before.id(), input.name().isPresent()
                    ? input.name().filter(n -> !n.isEmpty()) : before.name(), address, before.assetId(),
                    input.maxPacketAmount().isPresent() ? input.maxPacketAmount() : before.maxPacketAmount(),
                    input.liquidityThreshold().isPresent() ? input.liquidityThreshold() : before.liquidityThreshold(),
                    endpoint, outgoingToken, routes, before.liquidityAccountId(), before.createdAt(),
                    input.liquidityHighThreshold().isPresent() ? input.liquidityHighThreshold()
                            : before.liquidityHighThreshold(), input.httpMode().orElse(before.httpMode()),
                    input.http2().orElse(before.http2()));
            Peer connectorPeer = toConnector(after, asset);
            store.updatePeer(after, hashes);
            hashes.ifPresent(h -> directory.replaceTokenHashes(after.id(), h));
            directory.update(connectorPeer);
            return after;
        }
    }

    /**
     * Creates the peer at {@code input}'s static ILP address in its asset, or, when one exists there, replaces its
     * endpoint, outgoing token and incoming tokens (and its name, limits and routes where {@code input} gives
     * them): what a repeated auto-peering or WebFinger peering does. An existing peer keeps its HTTP mode and
     * HTTP/2 choice, which only its operator sets. Only a created peer gets the initial liquidity, so repeating a
     * request never adds credit. Atomic with respect to every other peer change.
     */
    public PeerUpsert createOrUpdate(CreatePeer input) {
        synchronized (mutations) {
            Optional<PeerRecord> existing = byAddressAndAsset(input.staticIlpAddress(), input.assetId());
            if (existing.isEmpty()) {
                return new PeerUpsert(create(input), true);
            }
            return new PeerUpsert(update(new UpdatePeer(existing.get().id(), input.name(), Optional.empty(),
                    Optional.of(input.endpoint()), Optional.of(input.outgoingToken()),
                    Optional.of(input.incomingTokens()), input.maxPacketAmount(), input.liquidityThreshold(),
                    input.routes().isEmpty() ? Optional.empty() : Optional.of(input.routes()))), false);
        }
    }

    /** Deletes a peer that never sent or received a packet (FORBIDDEN otherwise); its routes vanish at once. */
    public void delete(String id) {
        synchronized (mutations) {
            PeerRecord peer = get(id);
            if (hasPaymentHistory(peer)) {
                throw new PeeringException(PeeringError.FORBIDDEN, "peer " + id + " has payment history, so it "
                        + "cannot be deleted: its records must stay");
            }
            store.deletePeer(id);
            directory.remove(id);
        }
    }

    /** The peer with {@code id}; NOT_FOUND when there is none. */
    public PeerRecord get(String id) {
        if (id == null || id.isEmpty() || id.length() > Peer.ID_LENGTH_MAX) {
            throw Inputs.bad("id must be a peer id of 1 to " + Peer.ID_LENGTH_MAX + " characters");
        }
        return store.peer(id).orElseThrow(() -> new PeeringException(PeeringError.NOT_FOUND,
                "there is no peer with id " + id));
    }

    /** The peer with this static ILP address in this asset, if any. */
    public Optional<PeerRecord> byAddressAndAsset(String staticIlpAddress, String assetId) {
        IlpAddress address = Inputs.ilpAddress("staticIlpAddress", staticIlpAddress);
        UUID asset = Inputs.uuid("assetId", assetId);
        return store.peers().stream()
                .filter(p -> p.staticIlpAddress().equals(address) && p.assetId().equals(asset)).findFirst();
    }

    /** A page of peers, oldest first. */
    public Page<PeerRecord> page(Integer first, String after, Integer last, String before) {
        return store.peerPage(Page.Request.of(first, after, last, before));
    }

    /** The peer's credit line left now, live from the ledger. */
    public BigInteger liquidity(PeerRecord peer) {
        return accounts.liquidity(peer.liquidityAccountId());
    }

    private boolean hasPaymentHistory(PeerRecord peer) {
        long cursor = TransferPage.FIRST;
        while (true) {
            TransferPage page = accounts.ledger().accountTransfers(peer.liquidityAccountId(), cursor,
                    Ledger.ACCOUNT_TRANSFERS_PAGE_MAX);
            if (page.transfers().stream().anyMatch(t -> t.code() == TransferKind.PACKET.code())) {
                return true;
            }
            if (!page.hasMore()) {
                return false;
            }
            cursor = page.nextCursor();
        }
    }

    private void checkUnique(IlpAddress address, UUID assetId, String except) {
        boolean taken = store.peers().stream().anyMatch(p -> p.staticIlpAddress().equals(address)
                && p.assetId().equals(assetId) && !p.id().equals(except));
        if (taken) {
            throw new PeeringException(PeeringError.DUPLICATE, "a peer with static ILP address " + address
                    + " in asset " + assetId + " exists already");
        }
    }

    private void checkTokensFree(List<byte[]> hashes, String except) {
        for (byte[] hash : hashes) {
            if (tokens.peerIdByHash(hash).filter(owner -> !owner.equals(except)).isPresent()) {
                throw new PeeringException(PeeringError.DUPLICATE, "an incoming token is already used by "
                        + "another peer");
            }
        }
    }

    private List<byte[]> hashes(List<String> incoming) {
        if (incoming.size() > INCOMING_TOKENS_MAX) {
            throw Inputs.bad("a peer has at most " + INCOMING_TOKENS_MAX + " incoming tokens");
        }
        Set<String> seen = new HashSet<>();
        List<byte[]> hashes = new ArrayList<>();
        for (String token : incoming) {
            token("http.incoming.authTokens", token);
            if (!seen.add(token)) {
                throw new PeeringException(PeeringError.DUPLICATE, "http.incoming.authTokens lists a token twice");
            }
            hashes.add(InMemoryIncomingTokens.sha256(token));
        }
        return hashes;
    }

    private List<IlpAddress> routes(List<String> routes) {
        if (routes.size() > Peer.ROUTES_MAX) {
            throw Inputs.bad("a peer has at most " + Peer.ROUTES_MAX + " routes");
        }
        return routes.stream().map(r -> Inputs.ilpAddress("routes", r)).toList();
    }

    private static String token(String field, String token) {
        if (token == null || token.isBlank() || token.length() > TOKEN_LENGTH_MAX
                || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw Inputs.bad(field + " must be 1 to " + TOKEN_LENGTH_MAX + " printable ASCII characters "
                    + "without spaces");
        }
        return token;
    }

    private static Peer toConnector(PeerRecord peer, AssetRecord asset) {
        // The client speaks HTTP/2 only by prior knowledge over cleartext; over TLS it would need ALPN, which it lacks.
        if (peer.http2() && !"http".equalsIgnoreCase(peer.endpoint().getScheme())) {
            throw Inputs.bad("http.outgoing.http2 needs an http endpoint: the node speaks HTTP/2 only as h2c, "
                    + "over cleartext; leave it false for an https endpoint");
        }
        try {
            return peer.toPeer(asset);
        } catch (IllegalArgumentException e) {
            throw Inputs.bad(e.getMessage());
        }
    }
}
