package org.kiungo.connector;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.ledger.PacketTransfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packet path of the connector, assembled here and only here so its order reads top to bottom (see
 * {@link #assemble}). It is the outermost error boundary too: an exception that escapes a step becomes T00 and one
 * log line.
 */
public final class PacketPipeline implements PacketHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PacketPipeline.class);

    private final IlpAddress ourAddress;
    private final PeerDirectory peers;
    private final List<IncomingStep> incomingSteps;
    private final RouteStep route;
    private final List<OutgoingStep> outgoingSteps;
    private final ForwardStep forward;
    private final IncomingService entry;

    private PacketPipeline(IlpAddress ourAddress, PeerDirectory peers, List<IncomingStep> incomingSteps,
                           RouteStep route, List<OutgoingStep> outgoingSteps, ForwardStep forward) {
        this.ourAddress = ourAddress;
        this.peers = peers;
        this.incomingSteps = List.copyOf(incomingSteps);
        this.route = route;
        this.outgoingSteps = List.copyOf(outgoingSteps);
        this.forward = forward;
        this.entry = chain(this.incomingSteps, route);
    }

    /** The whole packet path over {@code parts}. */
    public static PacketPipeline assemble(PipelineParts parts) {
        ConnectorSettings settings = parts.settings();
        IlpAddress us = settings.address();
        Clock clock = parts.clock();
        RateLimitStep rateLimit = new RateLimitStep(us, clock);
        parts.peers().addListener(rateLimit);
        List<IncomingStep> incoming = List.of(
                // Incoming rules: cheapest refusals first, so a bad or late packet costs us least. Authentication
                // (token to peer) happened at the HTTP door; the peer it names is resolved in handle().
                new ValidateStep(us),
                new ExpiryStep(settings, clock),
                new MaxPacketAmountStep(us),
                // Rate limiting after the size check, so oversized packets do not spend a peer's tokens.
                rateLimit,
                // Bilateral protocols (IL-DCP, CCP) are answered here and never routed or accounted.
                new PeerProtocolStep(us, clock, parts.routeExchange()));
        List<OutgoingStep> outgoing = List.of(
                // Outgoing rules: price the packet, then hold its money before anything leaves the node.
                new ExchangeRateStep(us, parts.rates()),
                new ReserveStep(us, new PacketTransfers(parts.ledger()), parts.assets(), clock),
                // Shortened after the reservation, so the time the ledger took counts against our own window.
                new ShortenExpiryStep(settings, clock),
                // Checked inside the reservation, so a wrong fulfillment voids it and no balance moves.
                new FulfillmentCheckStep(us));
        // Send: to a local receiver or over the peer's HTTP link.
        ForwardStep forward = new ForwardStep(us, parts.localReceivers(), parts.sender());
        RouteStep route = new RouteStep(us, parts.router(), chain(outgoing, forward));
        return new PacketPipeline(us, parts.peers(), incoming, route, outgoing, forward);
    }

    @Override
    public Reply handle(String peerId, Prepare prepare) {
        Optional<Peer> from = peers.peer(peerId);
        if (from.isEmpty()) {
            // The token was valid a moment ago: the peer has just been removed.
            return Reject.of(ErrorCode.F00_BAD_REQUEST, ourAddress, "the sending peer is not configured");
        }
        try {
            return Objects.requireNonNull(entry.handle(new IncomingRequest(from.get(), prepare)), "reply");
        } catch (RuntimeException e) {
            // The message may quote packet data, so only the type and origin of the failure are logged.
            StackTraceElement[] trace = e.getStackTrace();
            LOG.error("T00 for a packet from peer {}: unexpected {} at {}", peerId, e.getClass().getName(),
                    trace.length == 0 ? "an unknown place" : trace[0]);
            return Reject.of(ErrorCode.T00_INTERNAL_ERROR, ourAddress, "internal error");
        }
    }

    /**
     * Waits, for at most {@code timeout}, until the posts of fulfilled packets that the ledger failed are retried
     * to an answer, so that a node closes its ledger only after them; true when none is left.
     */
    public boolean awaitPostRetries(Duration timeout) throws InterruptedException {
        for (OutgoingStep step : outgoingSteps) {
            if (step instanceof ReserveStep reserve) {
                return reserve.awaitPostRetries(timeout.toMillis());
            }
        }
        return true;
    }

    /** The class of every step in the order a packet meets them: what a test pins. */
    public List<Class<?>> order() {
        List<Class<?>> order = new ArrayList<>();
        incomingSteps.forEach(step -> order.add(step.getClass()));
        order.add(route.getClass());
        outgoingSteps.forEach(step -> order.add(step.getClass()));
        order.add(forward.getClass());
        return List.copyOf(order);
    }

    private static IncomingService chain(List<IncomingStep> steps, IncomingService last) {
        IncomingService next = last;
        for (int i = steps.size() - 1; i >= 0; i--) {
            IncomingStep step = steps.get(i);
            IncomingService after = next;
            next = request -> step.handle(request, after);
        }
        return next;
    }

    private static OutgoingService chain(List<OutgoingStep> steps, OutgoingService last) {
        OutgoingService next = last;
        for (int i = steps.size() - 1; i >= 0; i--) {
            OutgoingStep step = steps.get(i);
            OutgoingService after = next;
            next = request -> step.send(request, after);
        }
        return next;
    }
}
