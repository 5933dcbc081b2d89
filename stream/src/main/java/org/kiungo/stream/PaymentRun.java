package org.kiungo.stream;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * path allows, each asking the receiver for the minimum the acceptable rate promises. Each step answers empty to go
 * on, or the result to stop with.
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
        while (stop.isEmpty() && remaining != 0) {
            stop = sendPacket();
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
                Optional<PaymentResult> stop = retryOrStop(reject, amount);
                if (stop.isPresent()) {
                    return stop;
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

    private Optional<PaymentResult> sendPacket() {
        if (exchange.prepares() >= config.packetsMax()) {
            return Optional.of(result(StopReason.PACKETS_EXHAUSTED, config.packetsMax() + " packets sent"));
        }
        long amount = Long.compareUnsigned(remaining, maxPacket) <= 0 ? remaining : maxPacket;
        long computedMinimum = minimumRate.multiplyFloor(amount);
        // Never pay for nothing: a packet must bring at least one unit, even when the rate rounds it to zero.
        long minimum = computedMinimum == 0 ? 1 : computedMinimum;
        Exchange exchanged = exchange.send(amount, minimum, PAY_STREAM_ONE, true);
        if (exchanged.reply() instanceof Fulfill) {
            account(amount, minimum, exchanged.answer());
            return Optional.empty();
        }
        Reject reject = (Reject) exchanged.reply();
        if (exchanged.answer().isEmpty() || !reject.code().equals(ErrorCode.F99_APPLICATION_ERROR)) {
            return retryOrStop(reject, amount);
        }
        StreamPacket answer = exchanged.answer().get();
        if (closes(answer)) {
            return Optional.of(result(StopReason.RECEIVER_CLOSED, "the receiver closed the connection"));
        }
        if (Long.compareUnsigned(answer.prepareAmount(), minimum) < 0) {
            return Optional.of(computedMinimum == 0
                    ? result(StopReason.REMAINDER_TOO_SMALL, "a packet of " + Long.toUnsignedString(amount)
                            + " delivers nothing")
                    : result(StopReason.EXCHANGE_RATE_TOO_LOW, "the rate fell: " + Long.toUnsignedString(amount)
                            + " delivered " + Long.toUnsignedString(answer.prepareAmount())));
        }
        return Optional.of(result(StopReason.FINAL_REJECT, "the receiver rejected a packet"));
    }

    private void account(long amount, long minimum, Optional<StreamPacket> answer) {
        sent += amount;
        remaining -= amount;
        fulfilled++;
        failures = 0;
        // Without an authentic answer the receiver still accepted at least the minimum: count that, no more.
        delivered += answer.map(StreamPacket::prepareAmount).orElse(minimum);
        answer.ifPresent(packet -> packet.frames().stream()
                .filter(StreamFrame.StreamReceipt.class::isInstance).map(StreamFrame.StreamReceipt.class::cast)
                .reduce((first, second) -> second)
                .ifPresent(frame -> lastReceipt = Optional.of(frame.receipt())));
    }

    /** F08 shrinks the packets; T and R rejects pause and retry; anything else stops the payment. */
    private Optional<PaymentResult> retryOrStop(Reject reject, long amount) {
        ErrorCode.ErrorClass kind = reject.code().errorClass();
        boolean tooLarge = reject.code().equals(ErrorCode.F08_AMOUNT_TOO_LARGE);
        if (!tooLarge && kind != ErrorCode.ErrorClass.TEMPORARY && kind != ErrorCode.ErrorClass.RELATIVE) {
            return Optional.of(result(StopReason.FINAL_REJECT, describe(reject)));
        }
        if (++failures > config.retriesMax()) {
            return Optional.of(result(StopReason.RETRIES_EXHAUSTED, config.retriesMax()
                    + " failures in a row, the last " + describe(reject)));
        }
        if (tooLarge) {
            maxPacket = shrink(reject, amount);
            return maxPacket == 0
                    ? Optional.of(result(StopReason.REMAINDER_TOO_SMALL, "the path carries no packet of 1 unit"))
                    : Optional.empty();
        }
        try {
            sleeper.sleep(backoff());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(result(StopReason.INTERRUPTED, "interrupted while waiting to retry"));
        }
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
