package org.kiungo.peering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.PacketReservation;
import org.kiungo.ledger.PacketTransfers;

/**
 * Liquidity alarms on every store: an event on each crossing of a threshold (by packets, deposits and
 * withdrawals), none while the balance stays beyond it, and the alarm state and events kept across a restart.
 */
abstract class LiquidityAlarmsContractTest extends ServicesOnStoreTest {

    private PeerRecord peer(String address, long threshold, long initialLiquidity) {
        return services.peers().create(new CreatePeer(usd.id().toString(), address, Optional.empty(),
                "http://127.0.0.1:9/ilp", "out-" + address, List.of("in-" + address), OptionalLong.empty(),
                OptionalLong.of(threshold), OptionalLong.of(initialLiquidity), List.of()));
    }

    private void withdraw(PeerRecord peer, long amount) {
        services.liquidity().withdrawFromPeer(peer, usd, UUID.randomUUID(), amount, OptionalLong.of(0));
    }

    private void deposit(PeerRecord peer, long amount) {
        services.liquidity().depositToPeer(peer, usd, UUID.randomUUID(), amount);
    }

    @Test
    void shouldRaiseOneEventPerCrossingAndNoneWhileBelow() {
        PeerRecord peer = peer("g.a", 100, 150);
        assertThat(services.alarms().check()).isEmpty();
        withdraw(peer, 60);
        List<WebhookEvent> raised = services.alarms().check();
        assertThat(raised).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(LiquidityAlarms.PEER_LIQUIDITY_LOW);
            assertThat(event.data()).isEqualTo("{\"asset\":{\"code\":\"USD\",\"id\":\"" + usd.id()
                    + "\",\"scale\":2},\"balance\":\"90\",\"id\":\"" + peer.id()
                    + "\",\"liquidityThreshold\":\"100\"}");
            assertThat(event.state()).isEqualTo(WebhookEvent.State.PENDING);
        });
        withdraw(peer, 10);
        assertThat(services.alarms().check()).isEmpty();
        assertThat(services.alarms().check()).isEmpty();
        deposit(peer, 20);
        assertThat(services.alarms().check()).as("back at 100: still at the threshold").isEmpty();
        deposit(peer, 1);
        assertThat(services.alarms().check()).as("re-armed above it, silently").isEmpty();
        withdraw(peer, 1);
        assertThat(services.alarms().check()).singleElement()
                .satisfies(event -> assertThat(event.data()).contains("\"balance\":\"100\""));
        assertThat(store.webhookEvents().events(Set.of(), Page.Request.of(null, null, null, null)).items()).hasSize(2);
    }

    @Test
    void shouldSeePacketsReservedAndPostedAndPendingWithdrawals() {
        PeerRecord sender = peer("g.a", 100, 150);
        PeerRecord receiver = services.peers().create(new CreatePeer(usd.id().toString(), "g.b", Optional.empty(),
                "http://127.0.0.1:9/ilp", "out-b", List.of("in-b"), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), List.of(), OptionalLong.of(50)));
        assertThat(services.alarms().check()).isEmpty();
        PacketTransfers packets = new PacketTransfers(ledger);
        PacketReservation packet = PacketReservation.sameAsset(sender.liquidityAccountId(),
                receiver.liquidityAccountId(), usd.ledger(), 60);
        assertThat(packets.reserve(packet, 30).join()).isEqualTo(CreateTransferResult.OK);
        assertThat(services.alarms().check()).as("a reservation already counts against the sender")
                .singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(LiquidityAlarms.PEER_LIQUIDITY_LOW));
        assertThat(packets.post(packet).join()).isEqualTo(CreateTransferResult.OK);
        assertThat(services.alarms().check()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(LiquidityAlarms.PEER_LIQUIDITY_HIGH);
            assertThat(event.data()).contains("\"balance\":\"60\"", "\"liquidityThreshold\":\"50\"",
                    "\"id\":\"" + receiver.id() + "\"");
        });
        deposit(sender, 100);
        assertThat(services.alarms().check()).isEmpty();
        UUID withdrawal = UUID.randomUUID();
        services.liquidity().withdrawFromPeer(sender, usd, withdrawal, 100, OptionalLong.empty());
        assertThat(services.alarms().check()).as("a pending withdrawal counts too").hasSize(1);
        services.liquidity().voidWithdrawal(withdrawal.toString());
        assertThat(services.alarms().check()).isEmpty();
        withdraw(sender, 90);
        assertThat(services.alarms().check()).hasSize(1);
    }

    @Test
    void shouldWatchAssetsWithBothThresholds() {
        AssetRecord eur = services.assets().create("EUR", 2, OptionalLong.of(10), OptionalLong.empty(),
                OptionalLong.of(1_000));
        assertThat(services.alarms().check()).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(LiquidityAlarms.ASSET_LIQUIDITY_LOW));
        services.liquidity().depositToAsset(eur, UUID.randomUUID(), 1_000);
        assertThat(services.alarms().check()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(LiquidityAlarms.ASSET_LIQUIDITY_HIGH);
            assertThat(event.data()).isEqualTo("{\"asset\":{\"code\":\"EUR\",\"id\":\"" + eur.id()
                    + "\",\"scale\":2},\"balance\":\"1000\",\"id\":\"" + eur.id()
                    + "\",\"liquidityThreshold\":\"1000\"}");
        });
        assertThat(services.alarms().check()).isEmpty();
    }

    @Test
    void shouldKeepAlarmsAndEventsAcrossARestart() {
        PeerRecord peer = peer("g.a", 100, 150);
        withdraw(peer, 60);
        WebhookEvent event = services.alarms().check().get(0);
        restart();
        assertThat(services.alarms().check()).as("the alarm is still raised after the restart").isEmpty();
        assertThat(store.webhookEvents().event(event.id())).contains(event);
        assertThat(store.webhookEvents().due(clock.instant(), 10)).containsExactly(event);
        deposit(peer, 100);
        services.alarms().check();
        restart();
        withdraw(peer, 100);
        assertThat(services.alarms().check()).as("the recovery was kept too").hasSize(1);
    }

    @Test
    void shouldStartAfreshWhenAThresholdIsRemovedAndSetAgain() {
        PeerRecord peer = peer("g.a", 100, 50);
        assertThat(services.alarms().check()).hasSize(1);
        services.peers().update(new UpdatePeer(peer.id(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty()));
        assertThat(services.alarms().check()).as("the update kept the threshold").isEmpty();
        store.updatePeer(new PeerRecord(peer.id(), peer.name(), peer.staticIlpAddress(), peer.assetId(),
                peer.maxPacketAmount(), OptionalLong.empty(), peer.endpoint(), peer.outgoingToken(), peer.routes(),
                peer.liquidityAccountId(), peer.createdAt(), OptionalLong.empty(), peer.httpMode(), peer.http2()),
                Optional.empty());
        assertThat(services.alarms().check()).isEmpty();
        assertThat(store.webhookEvents().alarms()).containsEntry(peer.liquidityAccountId(), LiquidityAlarm.NONE);
        services.peers().update(new UpdatePeer(peer.id(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.of(60), Optional.empty()));
        assertThat(services.alarms().check()).hasSize(1);
    }

    @Test
    void shouldPageEventsFilteredByType() {
        peer("g.a", 100, 50);
        services.assets().create("EUR", 2, OptionalLong.of(10), OptionalLong.empty());
        assertThat(services.alarms().check()).hasSize(2);
        assertThat(services.alarms().page(Set.of(LiquidityAlarms.ASSET_LIQUIDITY_LOW), null, null, null, null)
                .items()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("asset.liquidity_low"));
        assertThat(services.alarms().page(Set.of(), 1, null, null, null).hasNextPage()).isTrue();
    }
}
