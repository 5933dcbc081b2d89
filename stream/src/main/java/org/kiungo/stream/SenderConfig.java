package org.kiungo.stream;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link StreamSender} pays; validated when built.
 *
 * @param slippage the share of the rate the sender gives up, between 0 and 1: every packet asks the receiver for at
 *     least {@code amount × rate × (1 - slippage)}, rounded down
 * @param retriesMax consecutive failed packets (T, R and F08 rejects) before the payment stops
 * @param backoffBase the pause after the first temporary failure; each further one doubles it
 * @param backoffMax the longest pause
 * @param packetsMax Prepares one payment may send, probes and retries included
 * @param packetExpiry how far in the future each Prepare expires
 * @param packetsInFlight how many packets of one payment may await their reply at once, 1 to
 *     {@link #PACKETS_IN_FLIGHT_MAX}: on a path whose every hop waits for a durable write, a payment sent one packet
 *     at a time is bound by that latency, not by the path's capacity
 */
public record SenderConfig(Ratio slippage, int retriesMax, Duration backoffBase, Duration backoffMax,
                           int packetsMax, Duration packetExpiry, int packetsInFlight) {
    public static final int RETRIES_MAX = 10;
    public static final int PACKETS_MAX = 100_000;
    public static final int PACKETS_IN_FLIGHT_MAX = 64;
    /** 1% slippage, 10 retries from 50 ms to 2 s, 100,000 packets, 30-second expiry. */
    public static final SenderConfig DEFAULTS = new SenderConfig(new Ratio(BigInteger.ONE, BigInteger.valueOf(100)),
            RETRIES_MAX, Duration.ofMillis(50), Duration.ofSeconds(2), PACKETS_MAX, Duration.ofSeconds(30), 1);

    public SenderConfig {
        Objects.requireNonNull(slippage, "slippage");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(packetExpiry, "packetExpiry");
        if (slippage.compareTo(Ratio.ONE) >= 0) {
            throw new IllegalArgumentException("slippage must be less than 1: " + slippage);
        }
        if (retriesMax < 0 || packetsMax < 1) {
            throw new IllegalArgumentException("retriesMax must be 0 or more and packetsMax 1 or more");
        }
        if (backoffBase.isNegative() || backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("back-off must be 0 or more, and its maximum at least its base");
        }
        if (packetExpiry.isNegative() || packetExpiry.isZero()) {
            throw new IllegalArgumentException("packetExpiry must be positive: " + packetExpiry);
        }
        if (packetsInFlight < 1 || packetsInFlight > PACKETS_IN_FLIGHT_MAX) {
            throw new IllegalArgumentException("packetsInFlight must be 1 to " + PACKETS_IN_FLIGHT_MAX);
        }
    }

    /** One packet in flight at a time. */
    public SenderConfig(Ratio slippage, int retriesMax, Duration backoffBase, Duration backoffMax, int packetsMax,
                        Duration packetExpiry) {
        this(slippage, retriesMax, backoffBase, backoffMax, packetsMax, packetExpiry, 1);
    }

    public SenderConfig withSlippage(Ratio newSlippage) {
        return new SenderConfig(newSlippage, retriesMax, backoffBase, backoffMax, packetsMax, packetExpiry,
                packetsInFlight);
    }

    public SenderConfig withPacketsInFlight(int newPacketsInFlight) {
        return new SenderConfig(slippage, retriesMax, backoffBase, backoffMax, packetsMax, packetExpiry,
                newPacketsInFlight);
    }
}
