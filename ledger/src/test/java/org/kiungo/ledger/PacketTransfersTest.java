package org.kiungo.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.ledger.CreateTransferResult.OK;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.ledger.embedded.EmbeddedLedger;

class PacketTransfersTest {
    private static final int USD = 1;
    private static final int EUR = 2;

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final List<UUID> accounts = new ArrayList<>();
    private Ledger ledger;
    private PacketTransfers packets;
    private Liquidity liquidity;

    @BeforeEach
    void open() {
        ledger = EmbeddedLedger.open(directory, clock);
        packets = new PacketTransfers(ledger);
        liquidity = new Liquidity(ledger);
    }

    @AfterEach
    void shouldBalanceDebitsAndCredits() {
        try {
            LedgerContractTest.assertBalanced(ledger, accounts);
        } finally {
            ledger.close();
        }
    }

    private UUID account(int ledgerId, AccountKind kind) {
        UUID id = Ids.random();
        AccountFlags flags = kind == AccountKind.SETTLEMENT ? AccountFlags.NONE
                : AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS;
        assertThat(ledger.createAccounts(List.of(Account.create(id, ledgerId, kind.code(), flags))).join())
                .containsExactly(CreateAccountResult.OK);
        accounts.add(id);
        return id;
    }

    private UUID funded(int ledgerId, AccountKind kind, long amount) {
        UUID settlement = account(ledgerId, AccountKind.SETTLEMENT);
        UUID funded = account(ledgerId, kind);
        assertThat(liquidity.deposit(Ids.random(), settlement, funded, ledgerId, amount).join()).isEqualTo(OK);
        return funded;
    }

    private Account balances(UUID id) {
        return ledger.lookupAccount(id).orElseThrow();
    }

    @Test
    void shouldMoveASameAssetPacketFromTheIncomingToTheOutgoingPeerOnFulfill() {
        UUID alice = funded(USD, AccountKind.PEER_LIQUIDITY, 100);
        UUID bob = account(USD, AccountKind.PEER_LIQUIDITY);
        PacketReservation packet = PacketReservation.sameAsset(alice, bob, USD, 40);
        assertThat(packets.reserve(packet, 30).join()).isEqualTo(OK);
        assertThat(balances(alice).available()).isEqualTo(60);
        assertThat(packets.post(packet).join()).isEqualTo(OK);
        assertThat(balances(alice).available()).isEqualTo(60);
        assertThat(balances(bob).creditsPosted()).isEqualTo(40);
        assertThat(ledger.pendingState(PacketTransfers.pendingIds(packet).get(0))).contains(PendingState.POSTED);
    }

    @Test
    void shouldRefuseAPacketBeyondTheIncomingPeersLiquidity() {
        UUID alice = funded(USD, AccountKind.PEER_LIQUIDITY, 100);
        UUID bob = account(USD, AccountKind.PEER_LIQUIDITY);
        PacketReservation packet = PacketReservation.sameAsset(alice, bob, USD, 101);
        assertThat(packets.reserve(packet, 30).join()).isEqualTo(CreateTransferResult.EXCEEDS_CREDITS);
        assertThat(balances(alice).debitsPending()).isZero();
    }

    @Test
    void shouldReserveBothLegsOfACrossAssetPacketOrNeither() {
        UUID alice = funded(USD, AccountKind.PEER_LIQUIDITY, 100);
        UUID usdLiquidity = account(USD, AccountKind.ASSET_LIQUIDITY);
        UUID eurLiquidity = funded(EUR, AccountKind.ASSET_LIQUIDITY, 50);
        UUID bob = account(EUR, AccountKind.PEER_LIQUIDITY);
        PacketReservation tooMuch = PacketReservation.crossAsset(alice, usdLiquidity, USD, 60, eurLiquidity, bob,
                EUR, 51);
        assertThat(packets.reserve(tooMuch, 30).join()).isEqualTo(CreateTransferResult.EXCEEDS_CREDITS);
        assertThat(balances(alice).debitsPending()).isZero();
        PacketReservation packet = PacketReservation.crossAsset(alice, usdLiquidity, USD, 60, eurLiquidity, bob,
                EUR, 50);
        assertThat(packets.reserve(packet, 30).join()).isEqualTo(OK);
        assertThat(packets.post(packet).join()).isEqualTo(OK);
        assertThat(balances(alice).available()).isEqualTo(40);
        assertThat(balances(usdLiquidity).creditsPosted()).isEqualTo(60);
        assertThat(balances(eurLiquidity).available()).isZero();
        assertThat(balances(bob).creditsPosted()).isEqualTo(50);
        assertThat(packets.post(packet).join()).isEqualTo(CreateTransferResult.PENDING_TRANSFER_ALREADY_POSTED);
    }

    @Test
    void shouldReleaseBothLegsOnRejectOrExpiry() {
        UUID alice = funded(USD, AccountKind.PEER_LIQUIDITY, 100);
        UUID usdLiquidity = account(USD, AccountKind.ASSET_LIQUIDITY);
        UUID eurLiquidity = funded(EUR, AccountKind.ASSET_LIQUIDITY, 50);
        UUID bob = account(EUR, AccountKind.PEER_LIQUIDITY);
        PacketReservation rejected = PacketReservation.crossAsset(alice, usdLiquidity, USD, 10, eurLiquidity, bob,
                EUR, 9);
        PacketReservation expired = PacketReservation.crossAsset(alice, usdLiquidity, USD, 20, eurLiquidity, bob,
                EUR, 18);
        assertThat(packets.reserve(rejected, 30).join()).isEqualTo(OK);
        assertThat(packets.reserve(expired, 30).join()).isEqualTo(OK);
        assertThat(packets.voidPending(rejected).join()).isEqualTo(OK);
        clock.advance(Duration.ofSeconds(31));
        assertThat(packets.post(expired).join()).isEqualTo(CreateTransferResult.PENDING_TRANSFER_EXPIRED);
        assertThat(balances(alice).available()).isEqualTo(100);
        assertThat(balances(eurLiquidity).available()).isEqualTo(50);
        assertThat(ledger.hasPostedTransfers(bob)).isFalse();
    }

    @Test
    void shouldWithdrawAtOnceWithoutATimeoutAndPendingWithOne() {
        UUID settlement = account(USD, AccountKind.SETTLEMENT);
        UUID peer = account(USD, AccountKind.PEER_LIQUIDITY);
        UUID deposit = Ids.random();
        assertThat(liquidity.deposit(deposit, settlement, peer, USD, 100).join()).isEqualTo(OK);
        assertThat(liquidity.deposit(deposit, settlement, peer, USD, 100).join())
                .isEqualTo(CreateTransferResult.EXISTS);
        assertThat(liquidity.deposit(deposit, settlement, peer, USD, 99).join())
                .isEqualTo(CreateTransferResult.EXISTS_WITH_DIFFERENT_AMOUNT);
        assertThat(liquidity.withdraw(Ids.random(), peer, settlement, USD, 10, 0).join()).isEqualTo(OK);
        assertThat(balances(peer).available()).isEqualTo(90);
        UUID pendingWithdrawal = Ids.random();
        assertThat(liquidity.withdraw(pendingWithdrawal, peer, settlement, USD, 30, 3600).join()).isEqualTo(OK);
        assertThat(balances(peer).available()).isEqualTo(60);
        assertThat(liquidity.withdraw(Ids.random(), peer, settlement, USD, 61, 3600).join())
                .isEqualTo(CreateTransferResult.EXCEEDS_CREDITS);
        assertThat(liquidity.postWithdrawal(pendingWithdrawal).join()).isEqualTo(OK);
        assertThat(liquidity.voidWithdrawal(pendingWithdrawal).join())
                .isEqualTo(CreateTransferResult.PENDING_TRANSFER_ALREADY_POSTED);
        assertThat(balances(settlement).creditsPosted()).isEqualTo(40);
    }

    @Test
    void shouldReturnAVoidedOrExpiredWithdrawalToTheLiquidityAccount() {
        UUID settlement = account(USD, AccountKind.SETTLEMENT);
        UUID peer = account(USD, AccountKind.PEER_LIQUIDITY);
        assertThat(liquidity.deposit(Ids.random(), settlement, peer, USD, 100).join()).isEqualTo(OK);
        UUID voided = Ids.random();
        UUID expiring = Ids.random();
        assertThat(liquidity.withdraw(voided, peer, settlement, USD, 30, 60).join()).isEqualTo(OK);
        assertThat(liquidity.withdraw(expiring, peer, settlement, USD, 30, 60).join()).isEqualTo(OK);
        assertThat(liquidity.voidWithdrawal(voided).join()).isEqualTo(OK);
        assertThat(liquidity.postWithdrawal(voided).join())
                .isEqualTo(CreateTransferResult.PENDING_TRANSFER_ALREADY_VOIDED);
        clock.advance(Duration.ofSeconds(61));
        assertThat(liquidity.postWithdrawal(expiring).join()).isEqualTo(CreateTransferResult.PENDING_TRANSFER_EXPIRED);
        assertThat(balances(peer).available()).isEqualTo(100);
        assertThat(liquidity.withdraw(Ids.random(), peer, settlement, USD, 0, 0).join())
                .isEqualTo(CreateTransferResult.AMOUNT_MUST_NOT_BE_ZERO);
    }
}
