package org.kiungo.stream;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.AmountTooLargeData;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.stream.StreamErrorCode;
import org.kiungo.codec.stream.StreamFrame;
import org.kiungo.codec.stream.StreamPacket;
import org.kiungo.stream.PacketExchange.Exchange;
import org.kiungo.stream.PaymentResult.StopReason;

/**
 * One payment, start to stop: probe the rate with an unfulfillable packet, then send packets no larger than the
 * path allows, each asking the receiver for the minimum the acceptable rate promises, on up to
 * {@link SenderConfig#packetsInFlight()} lanes that each wait for one reply at a time. The state is shared by the
 * lanes under this object's lock, held only between packets; the first stop wins and the other lanes finish the
 * packet they have in flight, whose money is counted if it was fulfilled.
 */
final class PaymentRun {
    /** 2^64-1 as an unsigned amount: no packet limit learned yet. */
    private static final long UNLIMITED = -1L;
    private static final List<StreamFrame> PAY_STREAM_ONE = List.of(new StreamFrame.StreamMoney(1, 1));

    private final PacketExchange exchange;
    private final SenderConfig config;
    private final Sleeper sleeper;
    private final Optional<Ratio> expectedRate;
    private long remaining;
    private long sent;
    private long delivered;
    private long fulfilled;
    private long maxPacket = UNLIMITED;
    private int failures;
    private Ratio probedRate = Ratio.ZERO;
    private Ratio minimumRate = Ratio.ZERO;
    private Optional<byte[]> lastReceipt = Optional.empty();
    private int inFlight;
    private PaymentResult stopped;

    PaymentRun(PacketExchange exchange, SenderConfig config, Sleeper sleeper, long sourceAmount,
               Optional<Ratio> expectedRate) {
        this.exchange = exchange;
        this.config = config;
        this.sleeper = sleeper;
        this.remaining = sourceAmount;
        this.expectedRate = expectedRate;
    }

    PaymentResult run() {
        Optional<PaymentResult> stop = probe();
        if (stop.isEmpty()) {
            sendRemaining();
            stop = Optional.ofNullable(stopped);
        }
        PaymentResult result = stop.orElseGet(() -> result(StopReason.COMPLETED, "paid in full"));
        if (result.reason() != StopReason.RECEIVER_CLOSED && !probedRate.isZero()) {
            closeConnection();
        }
        return result;
    }

    private Optional<PaymentResult> probe() {
        while (true) {
            if (exchange.prepares() >= config.packetsMax()) {
                return Optional.of(result(StopReason.PACKETS_EXHAUSTED, "no probe answered"));
            }
            long amount = Long.compareUnsigned(remaining, maxPacket) <= 0 ? remaining : maxPacket;
            Exchange exchanged = exchange.send(amount, 0, PAY_STREAM_ONE, false);
            if (exchanged.reply() instanceof Reject reject && exchanged.answer().isPresent()
                    && reject.code().equals(ErrorCode.F99_APPLICATION_ERROR)) {
                if (closes(exchanged.answer().get())) {
                    return Optional.of(result(StopReason.RECEIVER_CLOSED, "the receiver closed the connection"));
                }
                probedRate = Ratio.ofUnsigned(exchanged.answer().get().prepareAmount(), amount);
                return acceptRate();
            }
            if (exchanged.reply() instanceof Reject reject) {
                Duration pause = retryOrStop(reject, amount);
                if (pause == null || !sleep(pause)) {
                    return Optional.of(stopped);
                }
            } else {
                return Optional.of(result(StopReason.FINAL_REJECT, "the receiver fulfilled a probe"));
            }
        }
    }

    private Optional<PaymentResult> acceptRate() {
        if (probedRate.isZero()) {
            return Optional.of(result(StopReason.EXCHANGE_RATE_TOO_LOW, "nothing arrives at the path's rate"));
        }
        minimumRate = expectedRate.orElse(probedRate).times(config.slippage().complement());
        if (probedRate.compareTo(minimumRate) < 0) {
            return Optional.of(result(StopReason.EXCHANGE_RATE_TOO_LOW, "the path's rate " + probedRate
                    + " is below the minimum " + minimumRate));
        }
        return Optional.empty();
    }

    private void sendRemaining() {
        if (config.packetsInFlight() == 1) {
            lane();
            return;
        }
        try (ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < config.packetsInFlight(); i++) {
                lanes.submit(this::lane);
            }
        }
    }

    /** Sends packets one at a time until the payment stops or nothing is left for this lane to send. */
    private void lane() {
        while (true) {
            long amount;
            long minimum;
            long computedMinimum;
            synchronized (this) {
                if (stopped != null || remaining == 0) {
                    return;
                }
                if (exchange.prepares() + inFlight >= config.packetsMax()) {
                    stopped = result(StopReason.PACKETS_EXHAUSTED, config.packetsMax() + " packets sent");
                    return;
                }
                amount = Long.compareUnsigned(remaining, maxPacket) <= 0 ? remaining : maxPacket;
                remaining -= amount;
                inFlight++;
                computedMinimum = minimumRate.multiplyFloor(amount);
            }
            // Never pay for nothing: a packet must bring at least one unit, even when the rate rounds it to zero.
            minimum = computedMinimum == 0 ? 1 : computedMinimum;
            Exchange exchanged = exchange.send(amount, minimum, PAY_STREAM_ONE, true);
            Duration pause;
            synchronized (this) {
                inFlight--;
                if (exchanged.reply() instanceof Fulfill) {
                    account(amount, minimum, exchanged.answer());
                    continue;
                }
                remaining += amount;
                pause = rejected((Reject) exchanged.reply(), exchanged.answer(), amount, minimum, computedMinimum);
            }
            if (pause == null || !sleep(pause)) {
                return;
            }
        }
    }

    /** The pause before this lane's next packet, or null once the reject has stopped the payment. */
    private Duration rejected(Reject reject, Optional<StreamPacket> authentic, long amount, long minimum,
                              long computedMinimum) {
        if (authentic.isEmpty() || !reject.code().equals(ErrorCode.F99_APPLICATION_ERROR)) {
            return retryOrStop(reject, amount);
        }
        StreamPacket answer = authentic.get();
        if (closes(answer)) {
            return stop(result(StopReason.RECEIVER_CLOSED, "the receiver closed the connection"));
        }
        if (Long.compareUnsigned(answer.prepareAmount(), minimum) < 0) {
            return stop(computedMinimum == 0
                    ? result(StopReason.REMAINDER_TOO_SMALL, "a packet of " + Long.toUnsignedString(amount)
                            + " delivers nothing")
                    : result(StopReason.EXCHANGE_RATE_TOO_LOW, "the rate fell: " + Long.toUnsignedString(amount)
                            + " delivered " + Long.toUnsignedString(answer.prepareAmount())));
        }
        return stop(result(StopReason.FINAL_REJECT, "the receiver rejected a packet"));
    }

    /** Stops the payment with {@code result} unless another lane stopped it first; null, for "no pause". */
    private Duration stop(PaymentResult result) {
        if (stopped == null) {
            stopped = result;
        }
        return null;
    }

    /** Pauses this lane; false when interrupted, which stops the payment. */
    private boolean sleep(Duration pause) {
        if (pause.isZero()) {
            return true;
        }
        try {
            sleeper.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (this) {
                stop(result(StopReason.INTERRUPTED, "interrupted while waiting to retry"));
            }
            return false;
        }
    }

    private void account(long amount, long minimum, Optional<StreamPacket> answer) {
        sent += amount;
        fulfilled++;
        failures = 0;
        // Without an authentic answer the receiver still accepted at least the minimum: count that, no more.
        delivered += answer.map(StreamPacket::prepareAmount).orElse(minimum);
        answer.ifPresent(packet -> packet.frames().stream()
                .filter(StreamFrame.StreamReceipt.class::isInstance).map(StreamFrame.StreamReceipt.class::cast)
                .reduce((first, second) -> second)
                .ifPresent(frame -> lastReceipt = Optional.of(frame.receipt())));
    }

    /**
     * F08 shrinks the packets; T and R rejects pause and retry; anything else stops the payment. Returns the pause
     * before the next packet (zero after an F08), or null when the payment has stopped.
     */
    private Duration retryOrStop(Reject reject, long amount) {
        ErrorCode.ErrorClass kind = reject.code().errorClass();
        boolean tooLarge = reject.code().equals(ErrorCode.F08_AMOUNT_TOO_LARGE);
        if (!tooLarge && kind != ErrorCode.ErrorClass.TEMPORARY && kind != ErrorCode.ErrorClass.RELATIVE) {
            return stop(result(StopReason.FINAL_REJECT, describe(reject)));
        }
        if (++failures > config.retriesMax()) {
            return stop(result(StopReason.RETRIES_EXHAUSTED, config.retriesMax() + " failures in a row, the last "
                    + describe(reject)));
        }
        if (tooLarge) {
            // Another lane may have learned a smaller maximum meanwhile: keep the smaller one.
            long shrunk = shrink(reject, amount);
            maxPacket = Long.compareUnsigned(shrunk, maxPacket) < 0 ? shrunk : maxPacket;
            return maxPacket == 0 ? stop(result(StopReason.REMAINDER_TOO_SMALL, "the path carries no packet of 1 unit"))
                    : Duration.ZERO;
        }
        return backoff();
    }

    /**
     * The largest source amount the F08's connector accepts: its maximum scaled by what we sent over what it got
     * (RFC 27), rounded down, and always below the rejected amount so each F08 makes progress.
     */
    private static long shrink(Reject reject, long amount) {
        long scaled;
        try {
            AmountTooLargeData data = AmountTooLargeData.decode(reject.data());
            scaled = data.receivedAmount() == 0 ? Long.divideUnsigned(amount, 2)
                    : Ratio.ofUnsigned(data.maximumAmount(), data.receivedAmount()).multiplyFloor(amount);
        } catch (DecodingException e) {
            scaled = Long.divideUnsigned(amount, 2);
        }
        return Long.compareUnsigned(scaled, amount) < 0 ? scaled : amount - 1;
    }

    private Duration backoff() {
        Duration pause = config.backoffBase();
        for (int i = 1; i < failures && pause.compareTo(config.backoffMax()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(config.backoffMax()) < 0 ? pause : config.backoffMax();
    }

    /** Tells the receiver we are done, once, ignoring the answer: a stateless receiver needs nothing more. */
    private void closeConnection() {
        if (exchange.prepares() < config.packetsMax()) {
            exchange.send(0, 0, List.of(new StreamFrame.StreamClose(1, StreamErrorCode.NO_ERROR, ""),
                    new StreamFrame.ConnectionClose(StreamErrorCode.NO_ERROR, "")), true);
        }
    }

    private static boolean closes(StreamPacket answer) {
        return answer.frames().stream().anyMatch(StreamFrame.ConnectionClose.class::isInstance);
    }

    private static String describe(Reject reject) {
        String by = reject.triggeredBy().isEmpty() ? "" : " from " + reject.triggeredBy();
        return reject.code().description() + by + (reject.message().isEmpty() ? "" : ": " + reject.message());
    }

    private PaymentResult result(StopReason reason, String detail) {
        return new PaymentResult(sent, delivered, fulfilled, probedRate, reason, detail, lastReceipt);
    }
}
