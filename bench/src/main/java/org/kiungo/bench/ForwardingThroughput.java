package org.kiungo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Packets per second and latency through one middle node over ILP over HTTP on loopback: load generator → middle
 * node → {@link FulfillingSink}, all on this machine's shared cores. For each middle node (Kiungo with the embedded
 * ledger, Kiungo with PostgreSQL, the JavaScript {@code ilp-connector}) it measures closed-loop at concurrency 1,
 * 16 and 64, then open-loop at half the rate reached at 16, where the same rate straight to the sink gives the
 * latency the middle node adds. The CPU column is the middle node process's CPU time per packet in the measured
 * window (on "direct" rows: the load generator's and sink's, this JVM), which other load on the machine disturbs far
 * less than rates and latencies. A plain main rather than JMH: the unit of work is a whole HTTP round trip through
 * another process, and the figures wanted are sustained rates and exact percentiles. Run with
 * <pre>
 * java -cp bench/target/benchmarks.jar org.kiungo.bench.ForwardingThroughput [seconds] [middle ...]
 * </pre>
 * where a middle is {@code embedded}, {@code postgres} or {@code js} (all three by default). {@code DATABASE_URL}
 * names the PostgreSQL database (default {@value LedgerThroughput#DEFAULT_DATABASE_URL}; the run makes a schema of
 * its own and drops it), {@code -Dkiungo.bench.js=DIR} the npm project with the JavaScript connector (default
 * {@code interop/js}) and {@code -Dkiungo.bench.nodeJvmArgs="..."} the Kiungo node's JVM options (default
 * {@value #DEFAULT_NODE_JVM_ARGS}).
 */
public final class ForwardingThroughput {
    static final String DEFAULT_NODE_JVM_ARGS = "-Xms1g -Xmx1g";
    /** The closed-loop concurrencies, {@code -Dkiungo.bench.concurrency=16} for one (e.g. while profiling). */
    private static final int[] CONCURRENCY = java.util.Arrays.stream(System.getProperty("kiungo.bench.concurrency",
            "1,16,64").split(",")).mapToInt(Integer::parseInt).toArray();
    private static final int HALF_LOAD_CONCURRENCY = 16;
    /** This JVM's CPU time: the load generator's and the sink's, measured on the rows without a middle node. */
    private static final LongSupplier OWN_CPU = ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean())::getProcessCpuTime;

    private ForwardingThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> middles = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("embedded", "postgres", "js");
        Duration measured = Duration.ofSeconds(seconds);
        Duration warmUp = Duration.ofSeconds(Math.max(3, seconds / 2));
        String databaseUrl = Optional.ofNullable(System.getenv("DATABASE_URL"))
                .orElse(LedgerThroughput.DEFAULT_DATABASE_URL);
        Run run = new Run(databaseUrl, Path.of(System.getProperty("kiungo.bench.js", "interop/js")).toAbsolutePath(),
                System.getProperty("kiungo.bench.nodeJvmArgs", DEFAULT_NODE_JVM_ARGS), warmUp, measured);
        System.out.printf("forwarding benchmark %s: %d s measured after %d s warm-up per row, %d cores, %s %s,"
                + " load %s%n", Instant.now(), seconds, warmUp.toSeconds(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), Runtime.version(), loadAverage());
        Results results = new Results();
        try (FulfillingSink sink = FulfillingSink.start()) {
            URI direct = URI.create("http://127.0.0.1:" + sink.port() + "/ilp");
            try (LoadGenerator load = LoadGenerator.start(direct, BenchPackets.SINK_TOKEN)) {
                for (int concurrency : CONCURRENCY) {
                    results.add("direct", "c=" + concurrency,
                            load.closedLoop(concurrency, warmUp, measured, OWN_CPU));
                }
            }
            for (String middle : middles) {
                measure(middle, sink, direct, run, results);
            }
        }
        results.printSummary(middles);
    }

    /** What every middle node's measurement shares. */
    private record Run(String databaseUrl, Path js, String nodeJvmArgs, Duration warmUp, Duration measured) {
    }

    private static void measure(String middle, FulfillingSink sink, URI direct, Run settings, Results results)
            throws Exception {
        Duration warmUp = settings.warmUp();
        Duration measured = settings.measured();
        try (MiddleNodes.Middle node = MiddleNodes.start(middle, sink.port(), settings.databaseUrl(),
                settings.js(), settings.nodeJvmArgs());
             LoadGenerator load = LoadGenerator.start(node.endpoint(), BenchPackets.SENDER_TOKEN)) {
            double halfRate = 0;
            for (int concurrency : CONCURRENCY) {
                Latencies run = load.closedLoop(concurrency, warmUp, measured, node.process()::cpuNanos);
                results.add(middle, "c=" + concurrency, run);
                if (concurrency == HALF_LOAD_CONCURRENCY) {
                    halfRate = Math.max(1, Math.floor(run.fulfilledPerSecond() / 2));
                }
            }
            String rate = String.format("open %.0f/s", halfRate);
            results.add(middle, rate, load.openLoop(halfRate, warmUp, measured, node.process()::cpuNanos));
            try (LoadGenerator straight = LoadGenerator.start(direct, BenchPackets.SINK_TOKEN)) {
                results.add("direct", rate, straight.openLoop(halfRate, warmUp, measured, OWN_CPU));
            }
        }
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them, so a reader can judge the figures. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The rows measured so far, each printed as it is measured and again in the summary. */
    private static final class Results {
        private static final String HEADER = String.format("%-10s %-16s %12s %9s %9s %9s %9s %11s  %s",
                "middle", "load", "fulfilled/s", "p50 ms", "p99 ms", "rejected", "failed", "CPU us/pkt", "load avg");
        private final List<String> rows = new ArrayList<>();
        private final List<Row> measured = new ArrayList<>();

        private record Row(String middle, String load, Latencies latencies) {
        }

        Results() {
            System.out.println(HEADER);
        }

        void add(String middle, String load, Latencies latencies) {
            String row = String.format("%-10s %-16s %,12.0f %9.3f %9.3f %,9d %,9d %11.1f  %s", middle,
                    load, latencies.fulfilledPerSecond(), latencies.percentileMs(0.50), latencies.percentileMs(0.99),
                    latencies.rejected(), latencies.failed(), latencies.cpuMicrosPerPacket(), loadAverage());
            System.out.println(row);
            latencies.firstReject().ifPresent(reject -> System.out.println("    first reject: " + reject));
            rows.add(row);
            measured.add(new Row(middle, load, latencies));
        }

        void printSummary(List<String> middles) {
            System.out.println();
            System.out.println(HEADER);
            rows.forEach(System.out::println);
            if (!middles.contains("js")) {
                return;
            }
            System.out.println();
            for (String middle : middles.stream().filter(name -> !name.equals("js")).toList()) {
                StringBuilder line = new StringBuilder("Kiungo (" + middle + ") / ilp-connector, fulfilled/s:");
                for (int concurrency : CONCURRENCY) {
                    double ratio = rate(middle, "c=" + concurrency) / rate("js", "c=" + concurrency);
                    line.append(String.format("  c=%d %.1fx", concurrency, ratio));
                }
                System.out.println(line);
            }
        }

        private double rate(String middle, String load) {
            return measured.stream().filter(row -> row.middle.equals(middle) && row.load.equals(load))
                    .mapToDouble(row -> row.latencies.fulfilledPerSecond()).findFirst().orElse(Double.NaN);
        }
    }
}
