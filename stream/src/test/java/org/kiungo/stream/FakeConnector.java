package org.kiungo.stream;

import java.util.concurrent.atomic.AtomicLong;
import org.kiungo.codec.ilp.AmountTooLargeData;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Two connectors between the sender and the receiver, in one object: the first has a maximum packet amount in source
 * units and turns away every {@code t04Every}-th packet for liquidity; it converts at {@code rate}, rounding down;
 * the second has a maximum in destination units. Both answer F08 with the amounts as they saw them, and a Fulfill
 * that does not match the condition becomes F05, as a real connector makes it.
 */
final class FakeConnector implements PrepareSender {
    static final String FIRST = "test.hop1";
    static final String SECOND = "test.hop2";

    private final StreamReceiver receiver;
    volatile Ratio rate = Ratio.ONE;
    volatile long sourceMax = -1;
    volatile long destinationMax = -1;
    volatile int t04Every;
    volatile ErrorCode alwaysReject;
    final AtomicLong prepares = new AtomicLong();
    final AtomicLong largestForwarded = new AtomicLong();
    final AtomicLong amountTooLarge = new AtomicLong();

    FakeConnector(StreamReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public Reply send(Prepare prepare) {
        long number = prepares.incrementAndGet();
        if (alwaysReject != null) {
            return Reject.of(alwaysReject, org.kiungo.codec.ilp.IlpAddress.of(FIRST), "scripted");
        }
        if (t04Every > 0 && number % t04Every == 0) {
            return new Reject(ErrorCode.T04_INSUFFICIENT_LIQUIDITY, FIRST, "no liquidity", new byte[0]);
        }
        if (Long.compareUnsigned(prepare.amount(), sourceMax) > 0) {
            return tooLarge(FIRST, prepare.amount(), sourceMax);
        }
        long converted = rate.multiplyFloor(prepare.amount());
        if (Long.compareUnsigned(converted, destinationMax) > 0) {
            return tooLarge(SECOND, converted, destinationMax);
        }
        largestForwarded.accumulateAndGet(converted, Math::max);
        Reply reply = receiver.receive(prepare.withAmount(converted));
        if (reply instanceof Fulfill fulfill && !fulfill.fulfills(prepare.executionCondition())) {
            return new Reject(ErrorCode.F05_WRONG_CONDITION, SECOND, "fulfillment does not match", new byte[0]);
        }
        return reply;
    }

    private Reject tooLarge(String by, long received, long maximum) {
        amountTooLarge.incrementAndGet();
        return new Reject(ErrorCode.F08_AMOUNT_TOO_LARGE, by, "",
                new AmountTooLargeData(received, maximum).encode());
    }
}
