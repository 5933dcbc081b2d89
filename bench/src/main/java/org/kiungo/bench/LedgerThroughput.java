package org.kiungo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountFlags;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.embedded.EmbeddedLedger;
import org.kiungo.ledger.postgres.DatabaseUrl;
import org.kiungo.ledger.postgres.PostgresLedger;

/**
 * Reserve+post pairs per second on a ledger engine, for one hot account and for 1,000 accounts: each batch
 * reserves {@value #BATCH} packets from peer accounts, and once it is durable a second batch posts them all, with
 * {@value #IN_FLIGHT_MAX} batches in flight as the group commit prefers. A plain loop rather than JMH: the unit of
 * work is a durable batch, and the figure wanted is sustained throughput. Run with
 * {@code java -Xmx8g -cp bench/target/benchmarks.jar org.kiungo.bench.LedgerThroughput [seconds] [engine [url]]},
 * the engine {@code embedded} (the default) or {@code postgres}, whose URL (as {@code DATABASE_URL}, default
 * {@value #DEFAULT_DATABASE_URL}) names a database in which the run makes a schema of its own and drops it after.
 */
public final class LedgerThroughput {
    private static final int BATCH = 4_096;
    private static final int IN_FLIGHT_MAX = 8;
    private static final long LIQUIDITY = Long.MAX_VALUE;
    static final String DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

    private LedgerThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String engine = args.length > 1 ? args[1] : "embedded";
        String url = args.length > 2 ? args[2] : DEFAULT_DATABASE_URL;
        for (int accounts : new int[] {1, 1_000}) {
            run(engine, url, accounts, 3, false);
            Result result = run(engine, url, accounts, seconds, true);
            System.out.printf("%s, %,d account(s): %,.0f reserve+post pairs/s, %.2f µs of CPU per pair%n",
                    engine, accounts, result.pairsPerSecond(), result.cpuMicrosPerPair());
        }
    }

    /**
     * Throughput, and the CPU this process spent per pair (every thread, GC included): on a machine shared with
     * other work, throughput follows the CPU the process is given, while the cost per pair does not.
     */
    private record Result(double pairsPerSecond, double cpuMicrosPerPair) {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Result run(String engine, String url, int accountCount, int seconds, boolean measured)
            throws Exception {
        return switch (engine) {
            case "embedded" -> {
                Path directory = Files.createTempDirectory("kiungo-ledger-bench");
                try (Ledger ledger = EmbeddedLedger.open(directory, Clock.systemUTC())) {
                    yield run(ledger, accountCount, seconds, measured);
                } finally {
                    deleteRecursively(directory);
                }
            }
            case "postgres" -> {
                try (BenchSchema schema = BenchSchema.create(DatabaseUrl.parse(url));
                     Ledger ledger = PostgresLedger.open(schema.dataSource(), Clock.systemUTC())) {
                    yield run(ledger, accountCount, seconds, measured);
                }
            }
            default -> throw new IllegalArgumentException("engine must be embedded or postgres: " + engine);
        };
    }

    private static Result run(Ledger ledger, int accountCount, int seconds, boolean measured) throws Exception {
        List<UUID> peers = createPeers(ledger, accountCount);
        long cpuStarted = processCpuNanos();
        UUID sink = peers.get(peers.size() - 1);
        AtomicLong pairs = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(IN_FLIGHT_MAX);
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            inFlight.acquire();
            List<Transfer> reservations = reservations(peers.subList(0, Math.max(1, peers.size() - 1)), sink);
            ledger.createTransfers(reservations)
                    .thenCompose(reserved -> ledger.createTransfers(posts(reservations, reserved)))
                    .whenComplete((posted, error) -> {
                        if (posted != null) {
                            pairs.addAndGet(posted.stream().filter(r -> r == CreateTransferResult.OK).count());
                        } else {
                            failure.compareAndSet(null, error);
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(IN_FLIGHT_MAX);
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (failure.get() != null) throw new IllegalStateException("a batch failed", failure.get());
        if (measured && pairs.get() == 0) throw new IllegalStateException("no pair completed");
        return new Result(pairs.get() / elapsed, (processCpuNanos() - cpuStarted) / 1e3 / Math.max(1, pairs.get()));
    }

    /** {@code count} funded peer accounts (the last one also receives every packet). */
    private static List<UUID> createPeers(Ledger ledger, int count) {
        UUID settlement = Ids.random();
        List<Account> accounts = new ArrayList<>();
        accounts.add(Account.create(settlement, 1, 3, AccountFlags.NONE));
        List<UUID> peers = new ArrayList<>();
        List<Transfer> deposits = new ArrayList<>();
        for (int i = 0; i < Math.max(2, count); i++) {
            UUID peer = Ids.random();
            peers.add(peer);
            accounts.add(Account.create(peer, 1, 1, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS));
            deposits.add(Transfer.posted(Ids.random(), settlement, peer, LIQUIDITY / count, 1, 2));
        }
        ledger.createAccounts(accounts).join();
        ledger.createTransfers(deposits).join();
        return count == 1 ? peers : peers.subList(0, count);
    }

    private static List<Transfer> reservations(List<UUID> peers, UUID sink) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Transfer> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            UUID peer = peers.get(random.nextInt(peers.size()));
            batch.add(Transfer.pending(Ids.random(), peer, sink, 1 + random.nextInt(1_000), 1, 1, 30));
        }
        return batch;
    }

    private static List<Transfer> posts(List<Transfer> reservations, List<CreateTransferResult> results) {
        List<Transfer> posts = new ArrayList<>(reservations.size());
        for (int i = 0; i < reservations.size(); i++) {
            if (results.get(i) == CreateTransferResult.OK) {
                posts.add(Transfer.post(Ids.random(), reservations.get(i).id(), 0));
            }
        }
        return posts;
    }

    static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
