package org.kiungo.bench;

import java.util.Arrays;
import java.util.Optional;

/**
 * What one load run measured: packets fulfilled, rejected and failed (no ILP reply) in the measured window, its
 * length, every fulfilled packet's latency, sorted, so percentiles are exact rather than bucketed, and the first
 * Reject (code, origin, message), so a reader sees why packets were refused, and the CPU time the measured process
 * spent in the window: unlike rates and latencies, CPU per packet hardly changes when other work shares the cores.
 */
record Latencies(long fulfilled, long rejected, long failed, double seconds, long[] sortedNanos,
                 Optional<String> firstReject, long cpuNanos) {
    /** Takes {@code nanos} over and sorts it. */
    static Latencies of(long fulfilled, long rejected, long failed, double seconds, long[] nanos,
                        Optional<String> firstReject, long cpuNanos) {
        Arrays.sort(nanos);
        return new Latencies(fulfilled, rejected, failed, seconds, nanos, firstReject, cpuNanos);
    }

    double fulfilledPerSecond() {
        return fulfilled / seconds;
    }

    /** CPU microseconds the measured process spent per packet answered (fulfilled or rejected). */
    double cpuMicrosPerPacket() {
        long answered = fulfilled + rejected;
        return answered == 0 || cpuNanos < 0 ? Double.NaN : cpuNanos / 1e3 / answered;
    }

    /** The latency at quantile {@code q} (0 to 1) in milliseconds, NaN when nothing was measured. */
    double percentileMs(double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1L, Math.max(0, (long) Math.ceil(q * sortedNanos.length) - 1));
        return sortedNanos[index] / 1e6;
    }
}
