package org.kiungo.connector;

import java.util.Objects;
import java.util.OptionalLong;
import org.kiungo.codec.ilp.AmountTooLargeData;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Refuses a Prepare larger than the sending peer's {@code maxPacketAmount} with F08, whose data tells the sender
 * the amount received and the maximum, so it can split its payment into smaller packets (RFC 27).
 */
public final class MaxPacketAmountStep implements IncomingStep {
    private final IlpAddress ourAddress;

    public MaxPacketAmountStep(IlpAddress ourAddress) {
        this.ourAddress = Objects.requireNonNull(ourAddress, "ourAddress");
    }

    @Override
    public Reply handle(IncomingRequest request, IncomingService next) {
        OptionalLong maximum = request.from().maxPacketAmount();
        long amount = request.prepare().amount();
        if (maximum.isPresent() && Long.compareUnsigned(amount, maximum.getAsLong()) > 0) {
            byte[] data = new AmountTooLargeData(amount, maximum.getAsLong()).encode();
            return new Reject(ErrorCode.F08_AMOUNT_TOO_LARGE, ourAddress.value(), "the packet amount "
                    + Long.toUnsignedString(amount) + " exceeds the maximum " + Long.toUnsignedString(
                    maximum.getAsLong()), data);
        }
        return next.handle(request);
    }
}
