package org.kiungo.stream;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a payment did: amounts are unsigned 64-bit, {@code sent} in the sender's units and {@code delivered} in the
 * receiver's, as the receiver reported them.
 *
 * @param sent the source amount of fulfilled packets
 * @param delivered what the receiver said it received on fulfilled packets
 * @param packetsFulfilled how many packets carried money through
 * @param probedRate the path's rate from the probe, receiver units per sender unit, or zero if no probe answered
 * @param reason why the payment stopped
 * @param detail a human explanation, such as the final reject's code
 * @param lastReceipt the latest STREAM receipt the receiver sent, to hand to a verifier
 */
public record PaymentResult(long sent, long delivered, long packetsFulfilled, Ratio probedRate, StopReason reason,
                            String detail, Optional<byte[]> lastReceipt) {
    /** Why a payment stopped; only {@link #COMPLETED} means the whole amount was sent. */
    public enum StopReason {
        COMPLETED,
        /** The probed or the realised rate is below the minimum acceptable rate. */
        EXCHANGE_RATE_TOO_LOW,
        /** The rest cannot be sent: the path's packets are too small or carry nothing at this rate. */
        REMAINDER_TOO_SMALL,
        /** {@link SenderConfig#retriesMax()} failures in a row. */
        RETRIES_EXHAUSTED,
        /** {@link SenderConfig#packetsMax()} Prepares sent. */
        PACKETS_EXHAUSTED,
        /** A final reject from a connector or the receiver. */
        FINAL_REJECT,
        /** The receiver closed the connection. */
        RECEIVER_CLOSED,
        /** The thread was interrupted while waiting to retry. */
        INTERRUPTED
    }

    public PaymentResult {
        Objects.requireNonNull(probedRate, "probedRate");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        lastReceipt = Objects.requireNonNull(lastReceipt, "lastReceipt").map(byte[]::clone);
    }

    public boolean completed() {
        return reason == StopReason.COMPLETED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PaymentResult that && sent == that.sent && delivered == that.delivered
                && packetsFulfilled == that.packetsFulfilled && probedRate.equals(that.probedRate)
                && reason == that.reason && detail.equals(that.detail)
                && lastReceipt.isPresent() == that.lastReceipt.isPresent()
                && (lastReceipt.isEmpty() || Arrays.equals(lastReceipt.get(), that.lastReceipt.get()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(sent, delivered, packetsFulfilled, probedRate, reason, detail,
                lastReceipt.map(Arrays::hashCode).orElse(0));
    }

    @Override
    public String toString() {
        return "PaymentResult[sent=" + Long.toUnsignedString(sent) + ", delivered=" + Long.toUnsignedString(delivered)
                + ", packetsFulfilled=" + packetsFulfilled + ", probedRate=" + probedRate + ", reason=" + reason
                + ", detail=" + detail + ", receipt=" + lastReceipt.isPresent() + "]";
    }
}
