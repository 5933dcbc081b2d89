package org.kiungo.ledger.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountFlags;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.LedgerContractTest;
import org.kiungo.ledger.MutableClock;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;

class PostgresLedgerConcurrencyTest {
    private static final int THREADS = 32;
    private static final int RESERVATIONS_PER_THREAD = 60;
    private static final long LIQUIDITY = 1_500;

    @RegisterExtension
    final TestDatabase database = new TestDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final UUID source = Ids.random();
    private final UUID peer = Ids.random();
    private final UUID sink = Ids.random();
    private final Map<UUID, PendingState> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong postedAmount = new AtomicLong();
    private final AtomicLong settlements = new AtomicLong();

    @Test
    void shouldNeverOverdrawAnAccountReservedByThirtyTwoThreadsAtOnce() throws Exception {
        try (Ledger ledger = PostgresLedger.open(database.newPool(), clock)) {
            fund(ledger);
            runThreads(List.of(ledger));
            assertSettled(ledger);
        }
    }

    @Test
    void shouldNeverOverdrawAnAccountSharedByTwoEnginesOnOneDatabase() throws Exception {
        try (Ledger first = PostgresLedger.open(database.newPool(), clock);
             Ledger second = PostgresLedger.open(database.newPool(), clock)) {
            fund(first);
            runThreads(List.of(first, second));
            assertSettled(second);
            assertSettled(first);
        }
    }

    private void fund(Ledger ledger) {
        ledger.createAccounts(List.of(Account.create(source, 1, 1, AccountFlags.NONE),
                Account.create(peer, 1, 1, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS),
                Account.create(sink, 1, 1, AccountFlags.NONE))).join();
        assertThat(ledger.createTransfer(Transfer.posted(Ids.random(), source, peer, LIQUIDITY, 1, 1)).join())
                .isEqualTo(CreateTransferResult.OK);
    }

    /** Each thread uses the engines in turn, so that every engine serves reservations settled by the other. */
    private void runThreads(List<Ledger> ledgers) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < RESERVATIONS_PER_THREAD; i++) {
                        reserveAndSettle(ledgers.get((offset + i) % ledgers.size()),
                                ledgers.get((offset + i + 1) % ledgers.size()));
                    }
                    Account balance = ledgers.get(offset % ledgers.size()).lookupAccount(peer).orElseThrow();
                    assertThat(balance.available().signum()).isNotNegative();
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) thread.join();
        assertThat(failures).isEmpty();
    }

    /**
     * Reserves on one engine, then posts or voids on the other, or abandons the reservation to expire. Reservations
     * and voids go through {@code createReservations}, as on the packet path, whose commits do not wait for the
     * disk: the other engine must see them all the same.
     */
    private void reserveAndSettle(Ledger reserving, Ledger settling) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long amount = 1 + random.nextInt(100);
        Transfer reservation = Transfer.pending(Ids.random(), peer, sink, amount, 1, 1, 30);
        CreateTransferResult reserved = reserving.createReservations(List.of(reservation)).join().get(0);
        if (reserved == CreateTransferResult.EXCEEDS_CREDITS) return;
        assertThat(reserved).isEqualTo(CreateTransferResult.OK);
        // Round-robin over successful reservations, so every outcome occurs in every run.
        long choice = settlements.getAndIncrement() % 10;
        if (choice < 6) {
            assertThat(settling.createTransfer(Transfer.post(Ids.random(), reservation.id(), 0)).join())
                    .isEqualTo(CreateTransferResult.OK);
            postedAmount.addAndGet(amount);
            outcomes.put(reservation.id(), PendingState.POSTED);
        } else if (choice < 9) {
            assertThat(settling.createReservations(List.of(Transfer.voidPending(Ids.random(), reservation.id())))
                    .join()).containsExactly(CreateTransferResult.OK);
            outcomes.put(reservation.id(), PendingState.VOIDED);
        } else {
            outcomes.put(reservation.id(), PendingState.EXPIRED);
        }
    }

    /** Once every timeout has passed: nothing reserved, every reservation posted, voided or expired. */
    private void assertSettled(Ledger ledger) {
        clock.advance(Duration.ofSeconds(31));
        Account peerAccount = ledger.lookupAccount(peer).orElseThrow();
        assertThat(peerAccount.debitsPending()).isZero();
        assertThat(peerAccount.debitsPosted()).isEqualTo(postedAmount.get());
        assertThat(peerAccount.available().signum()).isNotNegative();
        for (Map.Entry<UUID, PendingState> outcome : outcomes.entrySet()) {
            assertThat(ledger.pendingState(outcome.getKey())).contains(outcome.getValue());
        }
        assertThat(outcomes.values()).contains(PendingState.POSTED, PendingState.VOIDED, PendingState.EXPIRED);
        LedgerContractTest.assertBalanced(ledger, List.of(source, peer, sink));
    }
}
