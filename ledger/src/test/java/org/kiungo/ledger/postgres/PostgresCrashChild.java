package org.kiungo.ledger.postgres;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountFlags;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.Transfer;

/**
 * The process the crash test kills: it posts transfers from many concurrent submissions to the PostgreSQL engine
 * and prints each transfer's id and amount once {@code createTransfer} has completed, the acknowledgement a
 * Fulfill would wait for. Arguments: the JDBC URL (with its schema), the source and destination account ids.
 */
public final class PostgresCrashChild {
    private static final int IN_FLIGHT_MAX = 256;

    private PostgresCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        UUID source = UUID.fromString(args[1]);
        UUID destination = UUID.fromString(args[2]);
        PrintStream out = new PrintStream(System.out, false);
        Ledger ledger = PostgresLedger.open(DatabaseUrl.parse(args[0]), Clock.systemUTC());
        ledger.createAccounts(List.of(Account.create(source, 1, 1, AccountFlags.NONE),
                Account.create(destination, 1, 1, AccountFlags.NONE))).join();
        System.out.println("READY");
        System.out.flush();
        Semaphore inFlight = new Semaphore(IN_FLIGHT_MAX);
        for (long amount = 1; ; amount++) {
            inFlight.acquire();
            Transfer transfer = Transfer.posted(Ids.random(), source, destination, amount, 1, 1);
            CompletableFuture<CreateTransferResult> result = ledger.createTransfer(transfer);
            result.whenComplete((r, e) -> {
                if (r == CreateTransferResult.OK) {
                    synchronized (out) {
                        out.println(transfer.id() + " " + transfer.amount());
                        out.flush();
                    }
                }
                inFlight.release();
            });
        }
    }
}
