package org.kiungo.connector;

import java.time.Clock;
import java.util.Objects;
import org.kiungo.ledger.Ledger;

/**
 * What the packet pipeline is built from; the node supplies the real parts, tests supply fakes.
 *
 * @param routeExchange answers CCP requests from peers ({@link RouteExchange#disabled} for none)
 */
public record PipelineParts(ConnectorSettings settings, Clock clock, PeerDirectory peers, AssetDirectory assets,
                            Router router, RateSource rates, Ledger ledger, LocalReceivers localReceivers,
                            PacketSender sender, RouteExchange routeExchange) {
    public PipelineParts {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(peers, "peers");
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(localReceivers, "localReceivers");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(routeExchange, "routeExchange");
    }
}
