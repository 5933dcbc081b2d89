package org.kiungo.peering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.HttpLink;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.MutableClock;
import org.kiungo.ledger.embedded.EmbeddedLedger;

/**
 * The behaviour every store must give the peering services, run on each implementation by a subclass: the same
 * tests for the embedded H2 store and for PostgreSQL. Each test ends by reopening the store to check that what it
 * wrote survives a restart.
 */
abstract class PeeringContractTest {
    @TempDir
    Path directory;
    final MutableClock clock = MutableClock.at2026();
    Ledger ledger;
    PeeringStore store;
    InMemoryIncomingTokens tokens;
    InMemoryAssetDirectory assetDirectory;
    InMemoryPeerDirectory peerDirectory;
    PeeringServices services;

    /** A fresh, empty store; called once per test, and again to reopen the same data after a restart. */
    abstract PeeringStore openStore();

    @BeforeEach
    void open() {
        ledger = EmbeddedLedger.open(directory.resolve("ledger"), clock);
        store = openStore();
        start();
    }

    @AfterEach
    void close() {
        store.close();
        ledger.close();
    }

    private void start() {
        tokens = new InMemoryIncomingTokens();
        assetDirectory = new InMemoryAssetDirectory();
        peerDirectory = new InMemoryPeerDirectory(tokens);
        services = PeeringServices.open(store, ledger, assetDirectory, peerDirectory, tokens, clock);
    }

    void restart() {
        store.close();
        store = openStore();
        start();
    }

    AssetRecord usd() {
        return services.assets().create("USD", 2, OptionalLong.empty(), OptionalLong.empty());
    }

    static CreatePeer peerInput(AssetRecord asset, String address, String incomingToken) {
        return new CreatePeer(asset.id().toString(), address, Optional.of("The Other Great Wallet"),
                "https://ilp.othergreatwallet.com/ilp", "theirtoken", List.of(incomingToken), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), List.of());
    }

    static PeeringError errorOf(Runnable action) {
        try {
            action.run();
        } catch (PeeringException e) {
            return e.error();
        }
        throw new AssertionError("expected a PeeringException");
    }

    @Test
    void shouldGenerateTheNodeKeyOnceAndKeepItAcrossRestarts() {
        NodeKey first = NodeKey.loadOrCreate(store, clock);

        restart();
        NodeKey again = NodeKey.loadOrCreate(store, clock);

        assertThat(again.publicKey()).hasSize(32).isEqualTo(first.publicKey());
        assertThat(again.toString()).isEqualTo("NodeKey[publicKey=" + first.publicKeyText() + "]");
    }

    @Test
    void shouldKeepTheFirstNodeKeyWhenAnotherReplicaStoresOneLater() {
        byte[] firstStored = store.insertNodeKeyIfAbsent("test-key", new byte[] {1, 2}, clock.instant());

        byte[] secondStored = store.insertNodeKeyIfAbsent("test-key", new byte[] {3, 4}, clock.instant());

        assertThat(firstStored).containsExactly(1, 2);
        assertThat(secondStored).containsExactly(1, 2);
        assertThat(store.nodeKey("test-key")).hasValueSatisfying(key -> assertThat(key).containsExactly(1, 2));
        assertThat(store.nodeKey("other")).isEmpty();
    }

    @Test
    void shouldCreateAnAssetThatSurvivesARestart() {
        AssetRecord usd = usd();
        restart();
        assertThat(services.assets().get(usd.id().toString())).isEqualTo(usd);
        assertThat(assetDirectory.asset(usd.ledger())).contains(usd.accounts());
    }

    @Test
    void shouldRefuseADuplicateAssetOrABadScale() {
        usd();
        assertThat(errorOf(this::usd)).isEqualTo(PeeringError.DUPLICATE);
        assertThat(errorOf(() -> services.assets().create("USD", 256, OptionalLong.empty(), OptionalLong.empty())))
                .isEqualTo(PeeringError.BAD_USER_INPUT);
        assertThat(services.assets().create("USD", 9, OptionalLong.empty(), OptionalLong.empty()).ledger())
                .isEqualTo(2);
    }

    @Test
    void shouldUpdateAssetThresholds() {
        AssetRecord usd = usd();
        services.assets().update(usd.id().toString(), OptionalLong.of(100), OptionalLong.of(-1L),
                OptionalLong.of(500));
        restart();
        AssetRecord after = services.assets().get(usd.id().toString());
        assertThat(after.liquidityThreshold()).hasValue(100);
        assertThat(after.liquidityHighThreshold()).hasValue(500);
        assertThat(after.withdrawalThreshold()).hasValue(-1L);
    }

    @Test
    void shouldAnswerNotFoundAndBadInputForAssetIds() {
        assertThat(errorOf(() -> services.assets().get(UUID.randomUUID().toString())))
                .isEqualTo(PeeringError.NOT_FOUND);
        assertThat(errorOf(() -> services.assets().get("not-a-uuid"))).isEqualTo(PeeringError.BAD_USER_INPUT);
    }

    @Test
    void shouldCreateAPeerLiveWithHashedTokensAndKeepItAcrossARestart() {
        AssetRecord usd = usd();
        PeerRecord peer = services.peers().create(peerInput(usd, "g.othergreatwallet", "mytoken"));
        assertThat(tokens.peerId("mytoken")).contains(peer.id());
        assertThat(peerDirectory.peer(peer.id())).isPresent();
        restart();
        assertThat(services.peers().get(peer.id())).isEqualTo(peer);
        assertThat(tokens.peerId("mytoken")).contains(peer.id());
        assertThat(store.tokenHashes().get(peer.id())).singleElement()
                .isEqualTo(InMemoryIncomingTokens.sha256("mytoken"));
    }

    @Test
    void shouldLetPeersShareAnAddressInDifferentAssetsOnly() {
        AssetRecord usd = usd();
        AssetRecord eur = services.assets().create("EUR", 2, OptionalLong.empty(), OptionalLong.empty());
        services.peers().create(peerInput(usd, "g.othergreatwallet", "t1"));
        services.peers().create(peerInput(eur, "g.othergreatwallet", "t2"));
        assertThat(errorOf(() -> services.peers().create(peerInput(usd, "g.othergreatwallet", "t3"))))
                .isEqualTo(PeeringError.DUPLICATE);
        assertThat(services.peers().byAddressAndAsset("g.othergreatwallet", eur.id().toString())).isPresent();
    }

    @Test
    void shouldRefuseAUsedTokenABadAddressABadEndpointAndAnUnknownAsset() {
        AssetRecord usd = usd();
        services.peers().create(peerInput(usd, "g.a", "mytoken"));
        assertThat(errorOf(() -> services.peers().create(peerInput(usd, "g.b", "mytoken"))))
                .isEqualTo(PeeringError.DUPLICATE);
        assertThat(errorOf(() -> services.peers().create(peerInput(usd, "not an address", "x"))))
                .isEqualTo(PeeringError.BAD_USER_INPUT);
        CreatePeer badEndpoint = new CreatePeer(usd.id().toString(), "g.c", Optional.empty(), "ftp://x", "t",
                List.of("y"), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), List.of());
        assertThat(errorOf(() -> services.peers().create(badEndpoint))).isEqualTo(PeeringError.BAD_USER_INPUT);
        AssetRecord unknown = new AssetRecord(UUID.randomUUID(), "X", 0, 99, UUID.randomUUID(), UUID.randomUUID(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), clock.instant());
        assertThat(errorOf(() -> services.peers().create(peerInput(unknown, "g.d", "z"))))
                .isEqualTo(PeeringError.NOT_FOUND);
        assertThat(store.peers()).hasSize(1);
    }

    @Test
    void shouldTakeABareHostAsAnHttpEndpoint() {
        CreatePeer input = new CreatePeer(usd().id().toString(), "g.othergreatwallet", Optional.empty(),
                "ilp.othergreatwallet.com", "theirtoken", List.of("mytoken"), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), List.of());
        assertThat(services.peers().create(input).endpoint()).hasToString("http://ilp.othergreatwallet.com");
    }

    @Test
    void shouldUpdateTokensEndpointAndLimitsLive() {
        PeerRecord peer = services.peers().create(peerInput(usd(), "g.a", "old"));
        services.peers().update(new UpdatePeer(peer.id(), Optional.empty(), Optional.empty(),
                Optional.of("http://127.0.0.1:9/ilp"), Optional.of("newout"), Optional.of(List.of("new")),
                OptionalLong.of(300), OptionalLong.of(50), Optional.of(List.of("g.a2")), OptionalLong.of(900)));
        assertThat(tokens.peerId("old")).isEmpty();
        assertThat(tokens.peerId("new")).contains(peer.id());
        assertThat(peerDirectory.peer(peer.id()).orElseThrow().maxPacketAmount()).hasValue(300);
        restart();
        PeerRecord after = services.peers().get(peer.id());
        assertThat(after.endpoint()).hasToString("http://127.0.0.1:9/ilp");
        assertThat(after.routes()).containsExactly(IlpAddress.of("g.a2"));
        assertThat(after.liquidityThreshold()).hasValue(50);
        assertThat(after.liquidityHighThreshold()).hasValue(900);
        assertThat(tokens.peerId("new")).contains(peer.id());
    }

    @Test
    void shouldKeepAPeersHttpModeAndHttp2AndCarryThemToTheConnectorAndAReplica() {
        CreatePeer input = peerInput(usd(), "g.a", "t");
        PeerRecord peer = services.peers().create(new CreatePeer(input.assetId(), input.staticIlpAddress(),
                input.name(), "http://b.example/ilp", input.outgoingToken(), input.incomingTokens(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), List.of(), OptionalLong.empty(),
                HttpLink.Mode.ASYNCHRONOUS, true));
        InMemoryPeerDirectory replica = new InMemoryPeerDirectory(new InMemoryIncomingTokens());
        PeeringServices replicaServices = PeeringServices.open(store, ledger, new InMemoryAssetDirectory(), replica,
                new InMemoryIncomingTokens(), clock);
        assertThat(link(peerDirectory, peer.id())).isEqualTo(new HttpLink(peer.endpoint(), "theirtoken", true,
                HttpLink.Mode.ASYNCHRONOUS));
        assertThat(link(replica, peer.id())).isEqualTo(link(peerDirectory, peer.id()));

        services.peers().update(new UpdatePeer(peer.id(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
                OptionalLong.empty(), Optional.of(HttpLink.Mode.SYNCHRONOUS), Optional.empty()));
        replicaServices.refresh();

        assertThat(link(peerDirectory, peer.id()).mode()).isEqualTo(HttpLink.Mode.SYNCHRONOUS);
        assertThat(link(peerDirectory, peer.id()).h2c()).as("an absent http2 keeps its value").isTrue();
        assertThat(link(replica, peer.id())).isEqualTo(link(peerDirectory, peer.id()));
        services.peers().update(new UpdatePeer(peer.id(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.of(7), OptionalLong.empty(), Optional.empty(),
                OptionalLong.empty(), Optional.empty(), Optional.of(false)));
        restart();
        PeerRecord after = services.peers().get(peer.id());
        assertThat(after.httpMode()).isEqualTo(HttpLink.Mode.SYNCHRONOUS);
        assertThat(after.http2()).isFalse();
        assertThat(link(peerDirectory, peer.id())).isEqualTo(new HttpLink(peer.endpoint(), "theirtoken", false,
                HttpLink.Mode.SYNCHRONOUS));
    }

    @Test
    void shouldCreateASynchronousHttp1PeerUnlessToldOtherwise() {
        PeerRecord peer = services.peers().create(peerInput(usd(), "g.a", "t"));
        restart();
        assertThat(services.peers().get(peer.id()).httpMode()).isEqualTo(HttpLink.Mode.SYNCHRONOUS);
        assertThat(link(peerDirectory, peer.id())).isEqualTo(HttpLink.of(peer.endpoint(), "theirtoken"));
    }

    @Test
    void shouldRefuseHttp2TowardsAnHttpsEndpointAndChangeNothing() {
        CreatePeer input = peerInput(usd(), "g.a", "t");
        CreatePeer http2OverTls = new CreatePeer(input.assetId(), input.staticIlpAddress(), input.name(),
                "https://b.example/ilp", input.outgoingToken(), input.incomingTokens(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), List.of(), OptionalLong.empty(),
                HttpLink.Mode.SYNCHRONOUS, true);
        assertThat(errorOf(() -> services.peers().create(http2OverTls))).isEqualTo(PeeringError.BAD_USER_INPUT);
        assertThat(store.peers()).isEmpty();

        PeerRecord peer = services.peers().create(input);
        UpdatePeer change = new UpdatePeer(peer.id(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
                OptionalLong.empty(), Optional.of(HttpLink.Mode.ASYNCHRONOUS), Optional.of(true));
        assertThat(errorOf(() -> services.peers().update(change))).isEqualTo(PeeringError.BAD_USER_INPUT);
        assertThat(services.peers().get(peer.id())).isEqualTo(peer);
        assertThat(link(peerDirectory, peer.id())).isEqualTo(HttpLink.of(peer.endpoint(), "theirtoken"));
    }

    @Test
    void shouldKeepAPeersHttpModeWhenAutoPeeringRepeats() {
        AssetRecord usd = usd();
        CreatePeer input = peerInput(usd, "g.a", "t");
        PeerRecord peer = services.peers().create(input);
        services.peers().update(new UpdatePeer(peer.id(), Optional.empty(), Optional.empty(),
                Optional.of("http://b.example/ilp"), Optional.of("out"), Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty(), OptionalLong.empty(), Optional.of(HttpLink.Mode.ASYNCHRONOUS),
                Optional.of(true)));

        PeerUpsert again = services.peers().createOrUpdate(new CreatePeer(input.assetId(), input.staticIlpAddress(),
                Optional.empty(), "http://b2.example/ilp", "newout", List.of("t2"), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), List.of()));

        assertThat(again.created()).isFalse();
        assertThat(link(peerDirectory, peer.id())).isEqualTo(new HttpLink(URI.create("http://b2.example/ilp"),
                "newout", true, HttpLink.Mode.ASYNCHRONOUS));
        PeerUpsert fresh = services.peers().createOrUpdate(peerInput(usd, "g.new", "t3"));
        assertThat(fresh.peer().httpMode()).isEqualTo(HttpLink.Mode.SYNCHRONOUS);
        assertThat(fresh.peer().http2()).isFalse();
    }

    private static HttpLink link(InMemoryPeerDirectory directory, String peerId) {
        return directory.peer(peerId).orElseThrow().link().orElseThrow();
    }

    @Test
    void shouldDeleteAPeerWithoutPaymentHistoryEvenWithLiquidity() {
        AssetRecord usd = usd();
        PeerRecord peer = services.peers().create(peerInput(usd, "g.a", "t"));
        services.liquidity().depositToPeer(peer, usd, UUID.randomUUID(), 10);
        services.peers().delete(peer.id());
        assertThat(peerDirectory.peer(peer.id())).isEmpty();
        assertThat(tokens.peerId("t")).isEmpty();
        restart();
        assertThat(errorOf(() -> services.peers().get(peer.id()))).isEqualTo(PeeringError.NOT_FOUND);
    }

    @Test
    void shouldDepositInitialLiquidityAndMore() {
        AssetRecord usd = usd();
        CreatePeer input = peerInput(usd, "g.a", "t");
        PeerRecord peer = services.peers().create(new CreatePeer(input.assetId(), input.staticIlpAddress(),
                input.name(), input.endpoint(), input.outgoingToken(), input.incomingTokens(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(10_000), List.of()));
        UUID id = UUID.randomUUID();
        services.liquidity().depositToPeer(peer, usd, id, 5);
        assertThat(services.peers().liquidity(peer)).isEqualTo(BigInteger.valueOf(10_005));
        assertThat(errorOf(() -> services.liquidity().depositToPeer(peer, usd, id, 5)))
                .isEqualTo(PeeringError.DUPLICATE);
        assertThat(errorOf(() -> services.liquidity().depositToPeer(peer, usd, UUID.randomUUID(), 0)))
                .isEqualTo(PeeringError.BAD_USER_INPUT);
    }

    @Test
    void shouldPostAndVoidTwoPhaseWithdrawals() {
        AssetRecord usd = usd();
        PeerRecord peer = services.peers().create(peerInput(usd, "g.a", "t"));
        services.liquidity().depositToPeer(peer, usd, UUID.randomUUID(), 10_000);
        UUID posted = UUID.randomUUID();
        UUID voided = UUID.randomUUID();
        services.liquidity().withdrawFromPeer(peer, usd, posted, 5_000, OptionalLong.empty());
        services.liquidity().withdrawFromPeer(peer, usd, voided, 1_000, OptionalLong.empty());
        assertThat(services.peers().liquidity(peer)).isEqualTo(BigInteger.valueOf(4_000));
        restart();
        services.liquidity().post(posted.toString());
        services.liquidity().voidWithdrawal(voided.toString());
        assertThat(services.peers().liquidity(peer)).isEqualTo(BigInteger.valueOf(5_000));
        assertThat(errorOf(() -> services.liquidity().post(posted.toString()))).isEqualTo(PeeringError.CONFLICT);
        assertThat(errorOf(() -> services.liquidity().post(voided.toString()))).isEqualTo(PeeringError.CONFLICT);
        assertThat(errorOf(() -> services.liquidity().voidWithdrawal(UUID.randomUUID().toString())))
                .isEqualTo(PeeringError.NOT_FOUND);
    }

    @Test
    void shouldRefuseAWithdrawalBeyondTheLiquidity() {
        AssetRecord usd = usd();
        services.liquidity().depositToAsset(usd, UUID.randomUUID(), 100);
        assertThat(errorOf(() -> services.liquidity().withdrawFromAsset(usd, UUID.randomUUID(), 101,
                OptionalLong.empty()))).isEqualTo(PeeringError.FORBIDDEN);
        services.liquidity().withdrawFromAsset(usd, UUID.randomUUID(), 100, OptionalLong.of(0));
        assertThat(services.assets().liquidity(usd)).isZero();
    }

    @Test
    void shouldExpireAWithdrawalWithATimeout() {
        AssetRecord usd = usd();
        services.liquidity().depositToAsset(usd, UUID.randomUUID(), 100);
        UUID id = UUID.randomUUID();
        services.liquidity().withdrawFromAsset(usd, id, 60, OptionalLong.of(1));
        clock.advance(Duration.ofSeconds(2));
        assertThat(errorOf(() -> services.liquidity().post(id.toString()))).isEqualTo(PeeringError.FORBIDDEN);
        assertThat(services.assets().liquidity(usd)).isEqualTo(BigInteger.valueOf(100));
    }

    @Test
    void shouldPageForwardsAndBackwards() {
        for (int scale = 0; scale < 5; scale++) {
            services.assets().create("USD", scale, OptionalLong.empty(), OptionalLong.empty());
            clock.advance(Duration.ofMillis(1));
        }
        Page<AssetRecord> first = services.assets().page(2, null, null, null);
        assertThat(first.items()).extracting(AssetRecord::scale).containsExactly(0, 1);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.hasPreviousPage()).isFalse();
        String cursor = first.items().get(1).id().toString();
        assertThat(services.assets().page(null, cursor, null, null).items()).extracting(AssetRecord::scale)
                .containsExactly(2, 3, 4);
        Page<AssetRecord> last = services.assets().page(null, null, 2, null);
        assertThat(last.items()).extracting(AssetRecord::scale).containsExactly(3, 4);
        assertThat(last.hasPreviousPage()).isTrue();
        assertThat(errorOf(() -> services.assets().page(101, null, null, null)))
                .isEqualTo(PeeringError.BAD_USER_INPUT);
    }

    /** Created in one millisecond, so only the id orders them: the keyset must still lose and repeat nothing. */
    @Test
    void shouldPageThroughItemsOfOneMillisecondInBothDirectionsWithoutLosingOrRepeatingOne() {
        for (int scale = 0; scale < 7; scale++) {
            services.assets().create("EUR", scale, OptionalLong.empty(), OptionalLong.empty());
        }
        List<AssetRecord> all = store.assets();
        List<AssetRecord> forwards = new ArrayList<>();
        Page<AssetRecord> page = services.assets().page(2, null, null, null);
        forwards.addAll(page.items());
        while (page.hasNextPage()) {
            page = services.assets().page(2, forwards.get(forwards.size() - 1).id().toString(), null, null);
            assertThat(page.hasPreviousPage()).isTrue();
            forwards.addAll(page.items());
        }
        List<AssetRecord> backwards = new ArrayList<>();
        page = services.assets().page(null, null, 3, null);
        backwards.addAll(0, page.items());
        while (page.hasPreviousPage()) {
            page = services.assets().page(null, null, 3, backwards.get(0).id().toString());
            assertThat(page.hasNextPage()).isTrue();
            backwards.addAll(0, page.items());
        }

        assertThat(forwards).hasSize(7).isEqualTo(all);
        assertThat(backwards).isEqualTo(all);
        assertThat(errorOf(() -> services.assets().page(null, null, null, UUID.randomUUID().toString())))
                .isEqualTo(PeeringError.BAD_USER_INPUT);
        assertThat(errorOf(() -> services.peers().page(1, "no-such-peer", null, null)))
                .isEqualTo(PeeringError.BAD_USER_INPUT);
        assertThat(errorOf(() -> services.assets().page(1, null, 1, null))).isEqualTo(PeeringError.BAD_USER_INPUT);
    }

    @Test
    void shouldKeepIdempotencyRecordsAndRefuseASecondOne() {
        IdempotencyRecord record = new IdempotencyRecord("key-1", "createAsset", "abc", "{\"a\":1}",
                clock.instant());
        store.insertIdempotency(record);
        assertThatThrownBy(() -> store.insertIdempotency(record)).isInstanceOf(PeeringException.class);
        restart();
        assertThat(store.idempotency("key-1")).contains(record);
    }
}
