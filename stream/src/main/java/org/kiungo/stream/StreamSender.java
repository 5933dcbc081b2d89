package org.kiungo.stream;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.kiungo.codec.stream.SpspResponse;

/**
 * Pays a STREAM receiver (RFC 29) through a {@link PrepareSender}: probes the path's exchange rate with an
 * unfulfillable packet, refuses a rate below the minimum (the expected rate, or the probed one, less the slippage),
 * sizes packets by the path's maximum learned from F08 rejects, retries T and R rejects with exponential back-off,
 * and stops on final rejects. Amounts are unsigned 64-bit and every minimum is rounded down, so the receiver is never
 * asked for more than the rate promises and the sender never sends more than asked. Thread-safe: each payment has
 * its own state; time and pauses come from the injected clock and sleeper.
 */
public final class StreamSender {
    private final PrepareSender network;
    private final Clock clock;
    private final Sleeper sleeper;
    private final SenderConfig config;

    public StreamSender(PrepareSender network, Clock clock, Sleeper sleeper, SenderConfig config) {
        this.network = Objects.requireNonNull(network, "network");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Sends {@code sourceAmount} (unsigned, in the sender's units), taking the probed rate as the expected one. */
    public PaymentResult pay(SpspResponse receiver, long sourceAmount) {
        return pay(receiver, sourceAmount, Optional.empty());
    }

    /**
     * Sends {@code sourceAmount} (unsigned, in the sender's units).
     *
     * @param expectedRate receiver units per sender unit from a rates source; the path must do at least this, less
     *     the slippage. Empty to trust the probe.
     */
    public PaymentResult pay(SpspResponse receiver, long sourceAmount, Optional<Ratio> expectedRate) {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(expectedRate, "expectedRate");
        if (sourceAmount == 0) {
            return new PaymentResult(0, 0, 0, Ratio.ZERO, PaymentResult.StopReason.COMPLETED, "nothing to pay",
                    Optional.empty());
        }
        PacketExchange exchange = new PacketExchange(network, clock, config.packetExpiry(), receiver);
        return new PaymentRun(exchange, config, sleeper, sourceAmount, expectedRate).run();
    }
}
