package org.kiungo.connector;

import java.util.Objects;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Answers every Prepare with F02 Unreachable: until routing exists every destination is unreachable. The packet
 * pipeline replaces it.
 */
public final class UnreachableHandler implements PacketHandler {
    private final IlpAddress ourAddress;

    public UnreachableHandler(IlpAddress ourAddress) {
        this.ourAddress = Objects.requireNonNull(ourAddress, "ourAddress");
    }

    @Override
    public Reply handle(String peerId, Prepare prepare) {
        return Reject.of(ErrorCode.F02_UNREACHABLE, ourAddress, "no route to " + prepare.destination());
    }
}
