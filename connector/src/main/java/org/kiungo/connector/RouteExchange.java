package org.kiungo.connector;

import java.util.Objects;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Answers the CCP requests a peer addresses to this node ({@code peer.route.control} and {@code peer.route.update}).
 * An interface here, so the packet path does not depend on the speaker in {@code org.kiungo.connector.ccp}, and a
 * node or test without route exchange can say so with {@link #disabled}.
 */
public interface RouteExchange {
    /** Handles a route control request: the peer asks us to start or stop sending it route updates. */
    Reply control(Peer from, Prepare prepare);

    /** Handles a route update: the peer tells us routes it added and withdrew. */
    Reply update(Peer from, Prepare prepare);

    /** Refuses every CCP request with F02, for a node that does not exchange routes. */
    static RouteExchange disabled(IlpAddress ourAddress) {
        Objects.requireNonNull(ourAddress, "ourAddress");
        return new RouteExchange() {
            @Override
            public Reply control(Peer from, Prepare prepare) {
                return refuse();
            }

            @Override
            public Reply update(Peer from, Prepare prepare) {
                return refuse();
            }

            private Reply refuse() {
                return Reject.of(ErrorCode.F02_UNREACHABLE, ourAddress, "this node does not exchange routes");
            }
        };
    }
}
