package org.kiungo.ledger.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.ledger.CreateTransferResult.OK;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
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

/** The PostgreSQL engine when others act on the same rows, or when the database drops its connections. */
class PostgresLedgerFailureTest {
    private static final int PEERS = 20;
    private static final int EXPIRING_PER_PEER = 100;
    private static final long HELD_PER_PEER = 3;
    /** How long the tests wait for what a working engine does at once; never reached when they pass. */
    private static final long WAIT_MS_MAX = 30_000;

    @RegisterExtension
    final TestDatabase database = new TestDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void shouldExpireEachReservationExactlyOnceWhenTwoEnginesSweepTheSameOnes() throws Exception {
        try (Ledger first = PostgresLedger.open(database.newPool(), clock);
             Ledger second = PostgresLedger.open(database.newPool(), clock)) {
            UUID sink = Ids.random();
            UUID settlement = Ids.random();
            List<UUID> peers = createPeers(first, settlement, sink);
            List<UUID> expiring = new ArrayList<>();
            List<Transfer> batch = new ArrayList<>();
            for (UUID peer : peers) {
                // A reservation that outlives the sweep: a second release of an expired one would eat into it.
                batch.add(Transfer.pending(Ids.random(), peer, sink, HELD_PER_PEER, 1, 1, 3600));
                for (int i = 0; i < EXPIRING_PER_PEER; i++) {
                    Transfer reservation = Transfer.pending(Ids.random(), peer, sink, 1 + i, 1, 1, 5);
                    expiring.add(reservation.id());
                    batch.add(reservation);
                }
            }
            assertThat(first.createTransfers(batch).join()).containsOnly(OK);
            clock.advance(Duration.ofSeconds(6));
            // Reads make each engine sweep first; both start at once on the same due reservations.
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> awaitExpired(first, expiring));
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> awaitExpired(second, expiring));
            CompletableFuture.allOf(a, b).get(WAIT_MS_MAX, TimeUnit.MILLISECONDS);
            for (UUID peer : peers) {
                Account account = second.lookupAccount(peer).orElseThrow();
                assertThat(account.debitsPending()).isEqualTo(HELD_PER_PEER);
                assertThat(account.debitsPosted()).isZero();
            }
            assertThat(first.lookupAccount(sink).orElseThrow().creditsPending()).isEqualTo(HELD_PER_PEER * PEERS);
            List<UUID> all = new ArrayList<>(peers);
            all.add(sink);
            all.add(settlement);
            LedgerContractTest.assertBalanced(first, all);
        }
    }

    private static void awaitExpired(Ledger ledger, List<UUID> ids) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS_MAX);
        for (UUID id : ids) {
            while (ledger.pendingState(id).orElseThrow() != PendingState.EXPIRED) {
                assertThat(System.nanoTime()).isLessThan(deadline);
            }
        }
    }

    private static List<UUID> createPeers(Ledger ledger, UUID settlement, UUID sink) {
        List<Account> accounts = new ArrayList<>(List.of(Account.create(settlement, 1, 3, AccountFlags.NONE),
                Account.create(sink, 1, 1, AccountFlags.NONE)));
        List<UUID> peers = new ArrayList<>();
        List<Transfer> deposits = new ArrayList<>();
        for (int i = 0; i < PEERS; i++) {
            UUID peer = Ids.random();
            peers.add(peer);
            accounts.add(Account.create(peer, 1, 1, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS));
            deposits.add(Transfer.posted(Ids.random(), settlement, peer, 1_000_000, 1, 2));
        }
        assertThat(ledger.createAccounts(accounts).join()).hasSize(accounts.size());
        assertThat(ledger.createTransfers(deposits).join()).containsOnly(OK);
        return peers;
    }

    @Test
    void shouldFailCallsClearlyAndRecoverWhenTheDatabaseDropsItsConnections() throws Exception {
        try (Ledger ledger = PostgresLedger.open(DatabaseUrl.parse(database.url()), clock)) {
            UUID source = Ids.random();
            UUID destination = Ids.random();
            ledger.createAccounts(List.of(Account.create(source, 1, 1, AccountFlags.NONE),
                    Account.create(destination, 1, 1, AccountFlags.NONE))).join();
            Map<Transfer, CompletableFuture<CreateTransferResult>> calls = new HashMap<>();
            int terminated = 0;
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 50; i++) {
                    Transfer transfer = Transfer.posted(Ids.random(), source, destination, 1 + round * 50 + i, 1, 1);
                    calls.put(transfer, ledger.createTransfer(transfer));
                }
                // The pool may not have replaced the connections of the previous time yet: count them all.
                if (round % 5 == 2) terminated += database.terminateConnections();
            }
            assertThat(terminated).isPositive();
            List<Transfer> unknown = new ArrayList<>();
            for (Map.Entry<Transfer, CompletableFuture<CreateTransferResult>> call : calls.entrySet()) {
                try {
                    assertThat(call.getValue().get(WAIT_MS_MAX, TimeUnit.MILLISECONDS)).isEqualTo(OK);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("resubmit");
                    unknown.add(call.getKey());
                }
            }
            // The engine is usable again, and a failed call resubmitted is done at most once: OK or EXISTS.
            for (Transfer transfer : unknown) {
                assertThat(resubmit(ledger, transfer)).isIn(OK, CreateTransferResult.EXISTS);
            }
            long sum = calls.keySet().stream().mapToLong(Transfer::amount).sum();
            assertThat(ledger.lookupAccount(destination).orElseThrow().creditsPosted()).isEqualTo(sum);
            assertThat(ledger.lookupTransfers(calls.keySet().stream().map(Transfer::id).toList()))
                    .hasSize(calls.size());
            LedgerContractTest.assertBalanced(ledger, List.of(source, destination));
        }
    }

    /** Resubmits until the engine answers; while connections are being replaced a call may still fail. */
    private static CreateTransferResult resubmit(Ledger ledger, Transfer transfer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS_MAX);
        while (true) {
            try {
                return ledger.createTransfer(transfer).join();
            } catch (CompletionException e) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }
}
