package org.kiungo.ledger;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.kiungo.ledger.embedded.EmbeddedLedger;
import org.kiungo.ledger.postgres.DatabaseUrl;
import org.kiungo.ledger.postgres.PostgresLedger;

/**
 * The process a crash test kills: it posts transfers from many concurrent submissions and prints each transfer's
 * id and amount once {@code createTransfer} has completed, the acknowledgement a Fulfill would wait for.
 * Arguments: the source and destination account ids, then the engine: {@code embedded <directory>
 * <generationBytesMax>} or {@code postgres <url>}.
 */
public final class CrashChild {
    private static final int IN_FLIGHT_MAX = 256;

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        UUID source = UUID.fromString(args[0]);
        UUID destination = UUID.fromString(args[1]);
        PrintStream out = new PrintStream(System.out, false);
        Ledger ledger = switch (args[2]) {
            case "embedded" -> EmbeddedLedger.open(Path.of(args[3]), Clock.systemUTC(), Long.parseLong(args[4]));
            case "postgres" -> PostgresLedger.open(DatabaseUrl.parse(args[3]), Clock.systemUTC());
            default -> throw new IllegalArgumentException("unknown engine " + args[2]);
        };
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
