package org.kiungo.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountFlags;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.LedgerContractTest;
import org.kiungo.ledger.MutableClock;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;

class EmbeddedLedgerConcurrencyTest {
    private static final int THREADS = 32;
    private static final int RESERVATIONS_PER_THREAD = 300;
    private static final long LIQUIDITY = 5_000;

    private final AtomicLong settlements = new AtomicLong();

    @TempDir
    Path directory;

    @Test
    void shouldNeverOverdrawAnAccountReservedByThirtyTwoThreadsAtOnce() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        UUID source = Ids.random();
        UUID peer = Ids.random();
        UUID sink = Ids.random();
        Map<UUID, String> outcomes = new ConcurrentHashMap<>();
        AtomicLong postedAmount = new AtomicLong();
        try (Ledger ledger = EmbeddedLedger.open(directory, clock)) {
            ledger.createAccounts(List.of(Account.create(source, 1, 1, AccountFlags.NONE),
                    Account.create(peer, 1, 1, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS),
                    Account.create(sink, 1, 1, AccountFlags.NONE))).join();
            ledger.createTransfer(Transfer.posted(Ids.random(), source, peer, LIQUIDITY, 1, 1)).join();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    await(start);
                    for (int i = 0; i < RESERVATIONS_PER_THREAD; i++) {
                        reserveAndSettle(ledger, peer, sink, outcomes, postedAmount);
                        Account balance = ledger.lookupAccount(peer).orElseThrow();
                        assertThat(balance.available().signum()).isNotNegative();
                    }
                }));
            }
            start.countDown();
            for (Thread thread : threads) thread.join();
            clock.advance(Duration.ofSeconds(31));
            Account peerAccount = ledger.lookupAccount(peer).orElseThrow();
            assertThat(peerAccount.debitsPending()).isZero();
            assertThat(peerAccount.debitsPosted()).isEqualTo(postedAmount.get());
            assertThat(peerAccount.available().signum()).isNotNegative();
            for (Map.Entry<UUID, String> outcome : outcomes.entrySet()) {
                PendingState state = ledger.pendingState(outcome.getKey()).orElseThrow();
                assertThat(state.name()).isEqualTo(outcome.getValue());
            }
            assertThat(outcomes.values()).contains("POSTED", "VOIDED", "EXPIRED");
            LedgerContractTest.assertBalanced(ledger, List.of(source, peer, sink));
        }
    }

    /** Reserves a random amount, then posts, voids or abandons it (to expire), as packets do. */
    private void reserveAndSettle(Ledger ledger, UUID peer, UUID sink, Map<UUID, String> outcomes,
                                  AtomicLong postedAmount) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long amount = 1 + random.nextInt(100);
        Transfer reservation = Transfer.pending(Ids.random(), peer, sink, amount, 1, 1, 30);
        CreateTransferResult reserved = ledger.createTransfer(reservation).join();
        if (reserved == CreateTransferResult.EXCEEDS_CREDITS) return;
        assertThat(reserved).isEqualTo(CreateTransferResult.OK);
        // Round-robin over successful reservations, so every outcome occurs in every run.
        long choice = settlements.getAndIncrement() % 10;
        if (choice < 6) {
            assertThat(ledger.createTransfer(Transfer.post(Ids.random(), reservation.id(), 0)).join())
                    .isEqualTo(CreateTransferResult.OK);
            postedAmount.addAndGet(amount);
            outcomes.put(reservation.id(), "POSTED");
        } else if (choice < 9) {
            assertThat(ledger.createTransfer(Transfer.voidPending(Ids.random(), reservation.id())).join())
                    .isEqualTo(CreateTransferResult.OK);
            outcomes.put(reservation.id(), "VOIDED");
        } else {
            outcomes.put(reservation.id(), "EXPIRED");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
