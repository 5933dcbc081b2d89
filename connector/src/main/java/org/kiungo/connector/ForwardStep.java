package org.kiungo.connector;

import java.util.Objects;
import java.util.Optional;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Sends the outgoing Prepare to the next hop: to its in-process receiver when it has one, otherwise over its
 * HTTP link. A peer with neither cannot be reached: T01.
 */
public final class ForwardStep implements OutgoingService {
    private final IlpAddress ourAddress;
    private final LocalReceivers localReceivers;
    private final PacketSender sender;

    public ForwardStep(IlpAddress ourAddress, LocalReceivers localReceivers, PacketSender sender) {
        this.ourAddress = Objects.requireNonNull(ourAddress, "ourAddress");
        this.localReceivers = Objects.requireNonNull(localReceivers, "localReceivers");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    @Override
    public Reply send(OutgoingRequest request) {
        Peer to = request.to();
        Optional<PacketHandler> receiver = localReceivers.receiver(to.id());
        if (receiver.isPresent()) {
            return Objects.requireNonNull(receiver.get().handle(request.from().id(), request.outgoing()),
                    "the local receiver's reply");
        }
        if (to.link().isEmpty()) {
            return Reject.of(ErrorCode.T01_PEER_UNREACHABLE, ourAddress, "peer " + to.id() + " has no link");
        }
        return sender.send(to.id(), to.link().get(), request.outgoing());
    }
}
