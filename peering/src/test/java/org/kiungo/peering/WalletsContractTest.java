package org.kiungo.peering;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.LocalReceivers;
import org.kiungo.connector.Peer;
import org.kiungo.ledger.AccountKind;

/** Wallet addresses on every store: created with an account, refused when wrong, kept across a restart, served. */
abstract class WalletsContractTest extends ServicesOnStoreTest {
    private static final IlpAddress NODE = IlpAddress.of("test.node");

    private WalletAddressRecord alice() {
        return services.wallets().create(usd.id().toString(), "https://Wallet.Example/Alice",
                Optional.of("Alice Smith"));
    }

    @Test
    void shouldCreateAWalletAddressWithAWalletAccountThatSurvivesARestart() {
        WalletAddressRecord alice = alice();

        assertThat(alice.url()).hasToString("https://wallet.example/alice");
        assertThat(services.wallets().account(alice).code()).isEqualTo(AccountKind.WALLET.code());
        assertThat(services.wallets().account(alice).ledger()).isEqualTo(usd.ledger());
        restart();
        assertThat(services.wallets().get(alice.id().toString())).isEqualTo(alice);
        assertThat(services.wallets().byPath("/ALICE")).contains(alice);
        assertThat(services.wallets().page(null, null, null, null).items()).containsExactly(alice);
    }

    @Test
    void shouldReadAPaymentPointerAndGiveABareHostTheWellKnownPath() {
        WalletAddressRecord bob = services.wallets().create(usd.id().toString(), "$wallet.example/bob",
                Optional.empty());
        WalletAddressRecord root = services.wallets().create(usd.id().toString(), "$pay.example", Optional.empty());

        assertThat(bob.url()).hasToString("https://wallet.example/bob");
        assertThat(root.path()).isEqualTo(Wallets.WELL_KNOWN_PATH);
    }

    @Test
    void shouldRefuseBadUrlsUnknownAssetsAndDuplicatePathsChangingNothing() {
        alice();
        String asset = usd.id().toString();
        for (String url : new String[] {"http://wallet.example/x", "https://user@wallet.example/x",
            "https://wallet.example/x?q=1", "wallet.example/x", "", "$"}) {
            assertThat(PeeringContractTest.errorOf(() -> services.wallets().create(asset, url, Optional.empty())))
                    .as(url).isEqualTo(PeeringError.BAD_USER_INPUT);
        }
        assertThat(PeeringContractTest.errorOf(() -> services.wallets().create(UUID.randomUUID().toString(),
                "https://wallet.example/y", Optional.empty()))).isEqualTo(PeeringError.NOT_FOUND);
        assertThat(PeeringContractTest.errorOf(() -> services.wallets().create(asset,
                "https://other.example/alice", Optional.empty()))).isEqualTo(PeeringError.DUPLICATE);
        assertThat(PeeringContractTest.errorOf(() -> services.wallets().get(UUID.randomUUID().toString())))
                .isEqualTo(PeeringError.NOT_FOUND);
        restart();
        assertThat(services.wallets().page(null, null, null, null).items()).hasSize(1);
    }

    @Test
    void shouldDepositIntoTheWalletOnceForOneTransferId() {
        WalletAddressRecord alice = alice();
        UUID transfer = UUID.randomUUID();

        services.wallets().deposit(alice.id().toString(), transfer, 500);

        assertThat(PeeringContractTest.errorOf(() -> services.wallets().deposit(alice.id().toString(), transfer,
                500))).isEqualTo(PeeringError.DUPLICATE);
        assertThat(PeeringContractTest.errorOf(() -> services.wallets().deposit(alice.id().toString(),
                UUID.randomUUID(), 0))).isEqualTo(PeeringError.BAD_USER_INPUT);
        assertThat(services.wallets().account(alice).available()).isEqualTo(500);
    }

    @Test
    void shouldServeStoredAndNewWalletsAsPeersWithLocalReceivers() {
        WalletAddressRecord alice = alice();
        LocalReceivers receivers = new LocalReceivers();

        services.wallets().serve(NODE, receivers, (from, prepare) -> new Fulfill(new byte[32], new byte[0]));
        WalletAddressRecord bob = services.wallets().create(usd.id().toString(), "$wallet.example/bob",
                Optional.empty());

        for (WalletAddressRecord wallet : new WalletAddressRecord[] {alice, bob}) {
            Peer peer = peers.peer(wallet.peerId()).orElseThrow();
            assertThat(peer.staticIlpAddress()).isEqualTo(IlpAddress.of("test.node.wallet." + wallet.id()));
            assertThat(peer.liquidityAccountId()).isEqualTo(wallet.accountId());
            assertThat(peer.link()).isEmpty();
            assertThat(peer.sendRoutes() || peer.receiveRoutes()).isFalse();
            assertThat(receivers.receiver(wallet.peerId())).isPresent();
        }
    }

    @Test
    void shouldTakeInWalletsOfOtherReplicasAndRestoreRemovedWalletPeersOnRefresh() {
        WalletAddressRecord alice = alice();
        LocalReceivers receivers = new LocalReceivers();
        services.wallets().serve(NODE, receivers, (from, prepare) -> new Fulfill(new byte[32], new byte[0]));
        WalletAddressRecord other = new WalletAddressRecord(UUID.randomUUID(), URI.create(
                "https://wallet.example/carol"), Optional.empty(), usd.id(), UUID.randomUUID(), clock.instant());
        store.insertWalletAddress(other);
        peers.remove(alice.peerId());

        services.wallets().refresh();

        assertThat(peers.peer(alice.peerId())).isPresent();
        assertThat(peers.peer(other.peerId())).isPresent();
        assertThat(services.wallets().byPath("/carol")).contains(other);
        assertThat(receivers.receiver(other.peerId())).isPresent();
    }
}
