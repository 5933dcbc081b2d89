package org.kiungo.connector;

import java.util.Objects;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Checks that a Fulfill from downstream really fulfils the condition: SHA-256 of the fulfillment must equal it.
 * A wrong one becomes F05, so the reservation is voided and no money moves on a false claim.
 */
public final class FulfillmentCheckStep implements OutgoingStep {
    private final IlpAddress ourAddress;

    public FulfillmentCheckStep(IlpAddress ourAddress) {
        this.ourAddress = Objects.requireNonNull(ourAddress, "ourAddress");
    }

    @Override
    public Reply send(OutgoingRequest request, OutgoingService next) {
        Reply reply = next.send(request);
        if (reply instanceof Fulfill fulfill && !fulfill.fulfills(request.outgoing().executionCondition())) {
            return Reject.of(ErrorCode.F05_WRONG_CONDITION, ourAddress, "the next hop's fulfillment does not match"
                    + " the condition");
        }
        return reply;
    }
}
