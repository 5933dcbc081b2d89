package org.kiungo.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountFlags;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.PacketReservation;
import org.kiungo.ledger.PacketTransfers;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.embedded.EmbeddedLedger;
import org.kiungo.ledger.postgres.DatabaseUrl;
import org.kiungo.ledger.postgres.PostgresLedger;

/**
 * The ledger's latency on the packet path: each caller reserves a packet through {@link PacketTransfers}, waits,
 * posts it and waits, as a forwarding thread does, with 1 and then 16 callers. Prints each call's p50 and p99 and
 * the packets (reserve+post) per second, with the CPU this process spent per packet. Where the batch figure of
 * {@link LedgerThroughput} hides a fixed cost per transaction, this one shows it. Run with
 * {@code java -cp bench/target/benchmarks.jar org.kiungo.bench.LedgerLatency [seconds] [engine [url]]}, the engine
 * {@code embedded}, {@code postgres} or {@code both} (the default); the PostgreSQL run makes a schema of its own in
 * the database at the URL (default {@value LedgerThroughput#DEFAULT_DATABASE_URL}) and drops it after.
 */
public final class LedgerLatency {
    private static final int[] CONCURRENCY = {1, 16};
    private static final long TIMEOUT_SECONDS = 30;
    private static final long CREDIT = 1L << 50;
    /** Most latencies kept per call per caller: enough for any run of a few minutes. */
    private static final int SAMPLES_MAX = 1 << 20;

    private LedgerLatency() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String engine = args.length > 1 ? args[1] : "both";
        String url = args.length > 2 ? args[2] : LedgerThroughput.DEFAULT_DATABASE_URL;
        System.out.printf("ledger latency, %d s per row, load %s%n", seconds, ForwardingThroughput.loadAverage());
        System.out.printf("%-9s %4s %10s %12s %12s %12s %12s %11s%n", "engine", "c", "packets/s", "reserve p50",
                "reserve p99", "post p50", "post p99", "CPU us/pkt");
        for (String name : engine.equals("both") ? List.of("embedded", "postgres") : List.of(engine)) {
            for (int concurrency : CONCURRENCY) {
                measure(name, url, concurrency, Math.max(1, seconds / 3));
                Row row = measure(name, url, concurrency, seconds);
                System.out.printf("%-9s %4d %,10.0f %12.3f %12.3f %12.3f %12.3f %11.1f%n", name, concurrency,
                        row.packetsPerSecond, row.reserve.percentileMs(0.5), row.reserve.percentileMs(0.99),
                        row.post.percentileMs(0.5), row.post.percentileMs(0.99), row.cpuMicrosPerPacket);
            }
        }
    }

    private record Row(double packetsPerSecond, Samples reserve, Samples post, double cpuMicrosPerPacket) {
    }

    private static Row measure(String engine, String url, int concurrency, int seconds) throws Exception {
        return switch (engine) {
            case "embedded" -> {
                Path directory = Files.createTempDirectory("kiungo-ledger-latency");
                try (Ledger ledger = EmbeddedLedger.open(directory, Clock.systemUTC())) {
                    yield measure(ledger, concurrency, seconds);
                } finally {
                    LedgerThroughput.deleteRecursively(directory);
                }
            }
            case "postgres" -> {
                try (BenchSchema schema = BenchSchema.create(DatabaseUrl.parse(url));
                     Ledger ledger = PostgresLedger.open(schema.dataSource(), Clock.systemUTC())) {
                    yield measure(ledger, concurrency, seconds);
                }
            }
            default -> throw new IllegalArgumentException("engine must be embedded, postgres or both: " + engine);
        };
    }

    private static Row measure(Ledger ledger, int concurrency, int seconds) throws InterruptedException {
        UUID settlement = Ids.random();
        UUID sender = Ids.random();
        UUID receiver = Ids.random();
        ledger.createAccounts(List.of(Account.create(settlement, 1, 3, AccountFlags.NONE),
                Account.create(sender, 1, 1, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS),
                Account.create(receiver, 1, 1, AccountFlags.NONE))).join();
        ledger.createTransfers(List.of(Transfer.posted(Ids.random(), settlement, sender, CREDIT, 1, 2))).join();
        PacketTransfers packets = new PacketTransfers(ledger);
        List<Samples> reserves = new ArrayList<>();
        List<Samples> posts = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long cpuStarted = cpuNanos();
        long started = System.nanoTime();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Samples reserve = new Samples();
            Samples post = new Samples();
            reserves.add(reserve);
            posts.add(post);
            callers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < deadline && reserve.count < SAMPLES_MAX) {
                    PacketReservation packet = PacketReservation.sameAsset(sender, receiver, 1, 1);
                    long before = System.nanoTime();
                    CreateTransferResult reserved = packets.reserve(packet, TIMEOUT_SECONDS).join();
                    long between = System.nanoTime();
                    CreateTransferResult posted = packets.post(packet).join();
                    reserve.add(between - before);
                    post.add(System.nanoTime() - between);
                    if (reserved != CreateTransferResult.OK || posted != CreateTransferResult.OK) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (failures.get() > 0) throw new IllegalStateException(failures.get() + " packets were not OK");
        Samples reserve = Samples.merge(reserves);
        return new Row(reserve.count / elapsed, reserve, Samples.merge(posts),
                (cpuNanos() - cpuStarted) / 1e3 / Math.max(1, reserve.count));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One caller's latencies of one call, in nanoseconds; merged and sorted once the run is over. */
    private static final class Samples {
        private long[] nanos = new long[1024];
        private int count;

        void add(long value) {
            if (count == nanos.length) nanos = Arrays.copyOf(nanos, count * 2);
            nanos[count++] = value;
        }

        static Samples merge(List<Samples> all) {
            Samples merged = new Samples();
            for (Samples samples : all) {
                for (int i = 0; i < samples.count; i++) {
                    merged.add(samples.nanos[i]);
                }
            }
            Arrays.sort(merged.nanos, 0, merged.count);
            return merged;
        }

        double percentileMs(double q) {
            if (count == 0) return Double.NaN;
            int index = (int) Math.min(count - 1L, Math.max(0, (long) Math.ceil(q * count) - 1));
            return nanos[index] / 1e6;
        }
    }
}
