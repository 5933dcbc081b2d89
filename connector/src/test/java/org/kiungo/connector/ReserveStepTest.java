package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.connector.Fixtures.EUR;
import static org.kiungo.connector.Fixtures.NOW;
import static org.kiungo.connector.Fixtures.US;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.prepare;
import static org.kiungo.connector.Fixtures.reject;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountFlags;
import org.kiungo.ledger.AccountKind;
import org.kiungo.ledger.CreateAccountResult;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.Liquidity;
import org.kiungo.ledger.MutableClock;
import org.kiungo.ledger.PacketTransfers;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.embedded.EmbeddedLedger;

class ReserveStepTest {
    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryAssetDirectory assets = new InMemoryAssetDirectory();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final List<UUID> accounts = new ArrayList<>();
    private Ledger ledger;
    private Peer alice;
    private Peer bob;
    private Peer euroBob;

    @BeforeEach
    void open() {
        ledger = EmbeddedLedger.open(directory, clock);
        UUID usdSettlement = account(USD.ledger(), AccountKind.SETTLEMENT);
        UUID eurSettlement = account(EUR.ledger(), AccountKind.SETTLEMENT);
        assets.add(new AssetAccounts(USD, account(USD.ledger(), AccountKind.ASSET_LIQUIDITY), usdSettlement));
        assets.add(new AssetAccounts(EUR, account(EUR.ledger(), AccountKind.ASSET_LIQUIDITY), eurSettlement));
        alice = peer("alice", USD);
        bob = peer("bob", USD);
        euroBob = peer("eurobob", EUR);
        deposit(usdSettlement, alice.liquidityAccountId(), USD, 100);
        deposit(eurSettlement, assets.asset(EUR.ledger()).orElseThrow().liquidityAccountId(), EUR, 1_000);
    }

    @AfterEach
    void shouldBalanceDebitsAndCredits() {
        try {
            List<Account> all = ledger.lookupAccounts(accounts);
            assertThat(all).hasSameSizeAs(accounts);
            assertThat(sum(all, Account::debitsPosted)).isEqualTo(sum(all, Account::creditsPosted));
            assertThat(sum(all, Account::debitsPending)).isEqualTo(sum(all, Account::creditsPending));
        } finally {
            ledger.close();
        }
    }

    private static BigInteger sum(List<Account> all, ToLongFunction<Account> balance) {
        return all.stream().map(account -> new BigInteger(Long.toUnsignedString(balance.applyAsLong(account))))
                .reduce(BigInteger.ZERO, BigInteger::add);
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

    private Peer peer(String id, Asset asset) {
        return Peer.of(id, IlpAddress.of("test." + id), asset, null, account(asset.ledger(),
                AccountKind.PEER_LIQUIDITY));
    }

    private void deposit(UUID settlement, UUID liquidity, Asset asset, long amount) {
        assertThat(new Liquidity(ledger).deposit(Ids.random(), settlement, liquidity, asset.ledger(), amount).join())
                .isEqualTo(CreateTransferResult.OK);
    }

    private Reply send(Ledger using, Peer to, long amount, long outgoingAmount, Reply downstream) {
        Prepare prepare = prepare(amount, "test.x");
        ReserveStep step = new ReserveStep(US, new PacketTransfers(using), assets, clock);
        return step.send(new OutgoingRequest(alice, prepare, to, prepare.withAmount(outgoingAmount)), request -> {
            forwarded.incrementAndGet();
            return downstream;
        });
    }

    private BigInteger available(UUID account) {
        return ledger.lookupAccount(account).orElseThrow().available();
    }

    private Account balances(UUID account) {
        return ledger.lookupAccount(account).orElseThrow();
    }

    @Test
    void shouldPostAFulfilledPacketFromTheSenderToTheNextHop() {
        assertThat(send(ledger, bob, 40, 40, Fixtures.fulfill())).isInstanceOf(Fulfill.class);

        assertThat(available(alice.liquidityAccountId())).isEqualTo(60);
        assertThat(balances(bob.liquidityAccountId()).creditsPosted()).isEqualTo(40);
        assertThat(balances(alice.liquidityAccountId()).debitsPending()).isZero();
    }

    @Test
    void shouldVoidARejectedPacketAndPassTheRejectOn() {
        Reject downstream = new Reject(ErrorCode.F99_APPLICATION_ERROR, "test.x", "no", new byte[0]);

        assertThat(send(ledger, bob, 40, 40, downstream)).isEqualTo(downstream);

        assertThat(available(alice.liquidityAccountId())).isEqualTo(100);
        assertThat(balances(alice.liquidityAccountId()).debitsPending()).isZero();
        assertThat(ledger.hasPostedTransfers(bob.liquidityAccountId())).isFalse();
    }

    @Test
    void shouldRejectWithT04BeyondTheSendersCreditAndMoveNothing() {
        Reply reply = send(ledger, bob, 101, 101, Fixtures.fulfill());

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.T04_INSUFFICIENT_LIQUIDITY);
        assertThat(reject(reply).triggeredBy()).isEqualTo(US.value());
        assertThat(forwarded.get()).isZero();
        assertThat(available(alice.liquidityAccountId())).isEqualTo(100);
        assertThat(send(ledger, bob, 100, 100, Fixtures.fulfill())).isInstanceOf(Fulfill.class);
    }

    @Test
    void shouldMoveBothLegsOfACrossAssetPacket() {
        UUID eurLiquidity = assets.asset(EUR.ledger()).orElseThrow().liquidityAccountId();
        UUID usdLiquidity = assets.asset(USD.ledger()).orElseThrow().liquidityAccountId();

        assertThat(send(ledger, euroBob, 30, 270, Fixtures.fulfill())).isInstanceOf(Fulfill.class);

        assertThat(available(alice.liquidityAccountId())).isEqualTo(70);
        assertThat(balances(usdLiquidity).creditsPosted()).isEqualTo(30);
        assertThat(available(eurLiquidity)).isEqualTo(730);
        assertThat(balances(euroBob.liquidityAccountId()).creditsPosted()).isEqualTo(270);
    }

    @Test
    void shouldRejectWithT04WhenOurLiquidityInTheDestinationAssetIsShort() {
        assertThat(reject(send(ledger, euroBob, 30, 1_001, Fixtures.fulfill())).code())
                .isEqualTo(ErrorCode.T04_INSUFFICIENT_LIQUIDITY);

        assertThat(available(alice.liquidityAccountId())).isEqualTo(100);
        assertThat(forwarded.get()).isZero();
    }

    @Test
    void shouldNotLetAFulfillGoUpstreamWhenThePostFails() {
        Prepare prepare = prepare(40, "test.x");
        ReserveStep step = new ReserveStep(US, new PacketTransfers(ledger), assets, clock);

        // The next hop answers so late that the reservation has expired: the ledger refuses the post.
        Reply reply = step.send(new OutgoingRequest(alice, prepare, bob, prepare), request -> {
            clock.advance(Duration.ofMinutes(1));
            return Fixtures.fulfill();
        });

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.T00_INTERNAL_ERROR);
        assertThat(available(alice.liquidityAccountId())).isEqualTo(100);
        assertThat(ledger.hasPostedTransfers(bob.liquidityAccountId())).isFalse();
    }

    /** The ledger, failing the next {@code failures} posts; {@code posted} counts down at the first that works. */
    private Ledger failingPosts(AtomicInteger failures, CountDownLatch posted, Throwable failure) {
        return (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                (proxy, method, args) -> {
                    boolean post = method.getName().equals("createTransfers")
                            && ((List<?>) args[0]).stream().anyMatch(t -> ((Transfer) t).flags().postPending());
                    if (post && failures.getAndDecrement() > 0) {
                        return CompletableFuture.failedFuture(failure);
                    }
                    Object result = method.invoke(ledger, args);
                    if (post) {
                        ((CompletableFuture<?>) result).thenRun(posted::countDown);
                    }
                    return result;
                });
    }

    @Test
    void shouldSendTheFulfillUpstreamAndKeepPostingWhenTheLedgerFailsForAWhile() throws Exception {
        Ledger failing = failingPosts(new AtomicInteger(3), new CountDownLatch(1), new IOException("disk unavailable"));
        ReserveStep step = new ReserveStep(US, new PacketTransfers(failing), assets, clock);
        Prepare prepare = prepare(40, "test.x");

        assertThat(step.send(new OutgoingRequest(alice, prepare, bob, prepare), request -> Fixtures.fulfill()))
                .isInstanceOf(Fulfill.class);

        assertThat(step.awaitPostRetries(10_000)).isTrue();
        assertThat(balances(bob.liquidityAccountId()).creditsPosted()).isEqualTo(40);
        assertThat(available(alice.liquidityAccountId())).isEqualTo(60);
        assertThat(balances(alice.liquidityAccountId()).debitsPending()).isZero();
    }

    @Test
    void shouldSendTheFulfillUpstreamAndPostLaterWhenTheLedgerIsBusy() throws Exception {
        CountDownLatch posted = new CountDownLatch(1);
        UUID eurLiquidity = assets.asset(EUR.ledger()).orElseThrow().liquidityAccountId();
        Ledger busy = failingPosts(new AtomicInteger(1), posted, new RejectedExecutionException("queue full"));

        assertThat(send(busy, euroBob, 30, 270, Fixtures.fulfill())).isInstanceOf(Fulfill.class);

        assertThat(posted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(balances(euroBob.liquidityAccountId()).creditsPosted()).isEqualTo(270);
        assertThat(available(eurLiquidity)).isEqualTo(730);
        assertThat(available(alice.liquidityAccountId())).isEqualTo(70);
    }

    @Test
    void shouldPassARejectOnIntactWhenTheVoidFails() {
        Ledger failing = (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                (proxy, method, args) -> method.getName().equals("createReservations")
                        && ((Transfer) ((List<?>) args[0]).get(0)).flags().voidPending()
                        ? CompletableFuture.failedFuture(new IOException("disk unavailable"))
                        : method.invoke(ledger, args));
        Reject downstream = new Reject(ErrorCode.F99_APPLICATION_ERROR, "test.x", "no", new byte[0]);

        assertThat(send(failing, bob, 40, 40, downstream)).isEqualTo(downstream);
        // The reservation stays until it expires to void.
        assertThat(balances(alice.liquidityAccountId()).debitsPending()).isEqualTo(40);
        clock.advance(Duration.ofMinutes(1));
        assertThat(available(alice.liquidityAccountId())).isEqualTo(100);
    }

    @Test
    void shouldPassAZeroAmountPacketWithoutATransfer() {
        assertThat(send(ledger, bob, 0, 0, Fixtures.fulfill())).isInstanceOf(Fulfill.class);

        assertThat(forwarded.get()).isEqualTo(1);
        assertThat(ledger.accountTransfers(alice.liquidityAccountId(), 0, 10).transfers()).hasSize(1);
    }

    @Test
    void shouldVoidTheReservationWhenALaterStepThrows() {
        Prepare prepare = prepare(40, "test.x");
        ReserveStep step = new ReserveStep(US, new PacketTransfers(ledger), assets, clock);

        assertThatThrownBy(() -> step.send(new OutgoingRequest(alice, prepare, bob, prepare), request -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(balances(alice.liquidityAccountId()).debitsPending()).isZero();
        assertThat(available(alice.liquidityAccountId())).isEqualTo(100);
    }

    @Test
    void shouldRejectWithT03WhenTheLedgerRefusesWork() {
        Ledger full = (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                (proxy, method, args) -> method.getName().equals("createReservations")
                        ? CompletableFuture.failedFuture(new RejectedExecutionException("queue full"))
                        : method.invoke(ledger, args));

        assertThat(reject(send(full, bob, 40, 40, Fixtures.fulfill())).code())
                .isEqualTo(ErrorCode.T03_CONNECTOR_BUSY);
        assertThat(forwarded.get()).isZero();
    }

    @Test
    void shouldRejectWithT00WhenAnAssetHasNoAccounts() {
        Peer yenBob = peer("yenbob", new Asset("JPY", 0, 3));

        assertThat(reject(send(ledger, yenBob, 40, 40, Fixtures.fulfill())).code())
                .isEqualTo(ErrorCode.T00_INTERNAL_ERROR);
        assertThat(Optional.of(available(alice.liquidityAccountId()))).contains(BigInteger.valueOf(100));
    }
}
