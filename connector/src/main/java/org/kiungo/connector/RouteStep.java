package org.kiungo.connector;

import java.util.Objects;
import java.util.Optional;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Chooses the next hop by longest-prefix match and hands the packet to the outgoing steps. F02 when nothing
 * matches, and when the match is the peer that sent the packet: routing it back would only make it loop.
 */
public final class RouteStep implements IncomingService {
    private final IlpAddress ourAddress;
    private final Router router;
    private final OutgoingService outgoing;

    public RouteStep(IlpAddress ourAddress, Router router, OutgoingService outgoing) {
        this.ourAddress = Objects.requireNonNull(ourAddress, "ourAddress");
        this.router = Objects.requireNonNull(router, "router");
        this.outgoing = Objects.requireNonNull(outgoing, "outgoing");
    }

    @Override
    public Reply handle(IncomingRequest request) {
        IlpAddress destination = request.prepare().destination();
        Optional<Peer> nextHop = router.nextHop(destination);
        if (nextHop.isEmpty()) {
            return Reject.of(ErrorCode.F02_UNREACHABLE, ourAddress, "no route to " + destination);
        }
        if (nextHop.get().id().equals(request.from().id())) {
            return Reject.of(ErrorCode.F02_UNREACHABLE, ourAddress, "the route to " + destination
                    + " leads back to the sending peer");
        }
        return outgoing.send(new OutgoingRequest(request.from(), request.prepare(), nextHop.get(),
                request.prepare()));
    }
}
