package org.kiungo.codec.ccp;

import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.PeerProtocol;

/** The constants of CCP and its one answer: the zero fulfillment, with no data. */
public final class Ccp {
    /** Where route control requests go. */
    public static final IlpAddress CONTROL_DESTINATION = IlpAddress.of("peer.route.control");
    /** Where route update requests go. */
    public static final IlpAddress UPDATE_DESTINATION = IlpAddress.of("peer.route.update");

    private Ccp() {
    }

    /** What a node answers to a route control or update request it accepted. */
    public static Fulfill response() {
        return PeerProtocol.response(new byte[0]);
    }

    /** Checks that a peer accepted a CCP request. Data is ignored, as the reference packages do. */
    public static void requireResponse(Fulfill fulfill) throws DecodingException {
        PeerProtocol.requireResponse(fulfill, "CCP");
    }
}
