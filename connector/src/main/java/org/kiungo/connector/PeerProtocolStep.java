package org.kiungo.connector;

import java.time.Clock;
import java.util.Objects;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ccp.Ccp;
import org.kiungo.codec.ildcp.Ildcp;
import org.kiungo.codec.ildcp.IldcpRequest;
import org.kiungo.codec.ildcp.IldcpResponse;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.PeerProtocol;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Answers the bilateral {@code peer.} protocols here, since they are addressed to this node and never routed:
 * IL-DCP ({@code peer.config}, RFC 31) tells a child its address and asset; route exchange ({@code peer.route.control}
 * and {@code peer.route.update}) goes to the {@link RouteExchange}. Other packets pass.
 */
public final class PeerProtocolStep implements IncomingStep {
    private final IlpAddress ourAddress;
    private final Clock clock;
    private final RouteExchange routes;

    public PeerProtocolStep(IlpAddress ourAddress, Clock clock, RouteExchange routes) {
        this.ourAddress = Objects.requireNonNull(ourAddress, "ourAddress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.routes = Objects.requireNonNull(routes, "routes");
    }

    @Override
    public Reply handle(IncomingRequest request, IncomingService next) {
        Prepare prepare = request.prepare();
        if (!PeerProtocol.isPeerProtocol(prepare.destination())) {
            return next.handle(request);
        }
        if (prepare.destination().equals(Ildcp.DESTINATION)) {
            return ildcp(request.from(), prepare);
        }
        if (prepare.destination().equals(Ccp.CONTROL_DESTINATION)) {
            return routes.control(request.from(), prepare);
        }
        if (prepare.destination().equals(Ccp.UPDATE_DESTINATION)) {
            return routes.update(request.from(), prepare);
        }
        return Reject.of(ErrorCode.F02_UNREACHABLE, ourAddress, "unknown peer protocol " + prepare.destination());
    }

    private Reply ildcp(Peer child, Prepare prepare) {
        try {
            IldcpRequest.fromPrepare(prepare, clock);
        } catch (DecodingException e) {
            return Ildcp.failure(ourAddress, e.getMessage());
        }
        return new IldcpResponse(childAddress(child), child.asset().scale(), child.asset().code()).toFulfill();
    }

    /**
     * The peer's static address when it already lies under ours, so the child learns the address we route to it;
     * otherwise our address followed by the peer's id, which is always a valid segment.
     */
    static IlpAddress childAddress(Peer child, IlpAddress parent) {
        IlpAddress own = child.staticIlpAddress();
        return own.startsWith(parent) && !own.equals(parent) ? own : parent.with(child.id());
    }

    private IlpAddress childAddress(Peer child) {
        return childAddress(child, ourAddress);
    }
}
