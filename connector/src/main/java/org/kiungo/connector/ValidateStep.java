package org.kiungo.connector;

import java.util.Objects;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.PeerProtocol;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Refuses destinations that can never be reached from here, before any work is spent on them: an address in
 * another allocation scheme than ours (a {@code test} node never reaches {@code g} addresses) is F02 at once.
 * Bilateral {@code peer.} protocols pass. The codec has already checked the packet's form.
 */
public final class ValidateStep implements IncomingStep {
    private final IlpAddress ourAddress;

    public ValidateStep(IlpAddress ourAddress) {
        this.ourAddress = Objects.requireNonNull(ourAddress, "ourAddress");
    }

    @Override
    public Reply handle(IncomingRequest request, IncomingService next) {
        IlpAddress destination = request.prepare().destination();
        if (!PeerProtocol.isPeerProtocol(destination) && !destination.scheme().equals(ourAddress.scheme())) {
            return Reject.of(ErrorCode.F02_UNREACHABLE, ourAddress, "this node routes only "
                    + ourAddress.scheme() + " addresses, not " + destination.scheme() + " ones");
        }
        return next.handle(request);
    }
}
