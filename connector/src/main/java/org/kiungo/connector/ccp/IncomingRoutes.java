package org.kiungo.connector.ccp;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kiungo.codec.ccp.Route;
import org.kiungo.codec.ccp.RouteUpdateRequest;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * The routes one peer has told us, with the routing table id and epoch they came from: a route update applies only
 * when it continues from the epoch we hold, and everything lapses when the peer stays silent past its hold-down
 * time. Not thread-safe: the speaker guards it.
 */
final class IncomingRoutes {
    /** The most routes we keep from one peer; further new prefixes in an update are ignored. */
    static final int ROUTES_MAX = 10_000;
    /** The longest hold-down time we honour, whatever a peer asks. */
    static final Duration HOLD_DOWN_TIME_MAX = Duration.ofHours(1);
    /** The table id of a peer we have heard nothing from, as the reference connector writes it. */
    static final UUID NO_TABLE = new UUID(0, 0);

    /** What became of an update. */
    enum Outcome {
        /** Applied (a pure heartbeat included); the epoch now is the update's {@code toEpochIndex}. */
        APPLIED,
        /** It starts after the epoch we hold: something was missed, so we must ask the peer to resend. */
        GAP,
        /** It ends before the epoch we hold: an old update, already applied. */
        STALE
    }

    private final IlpAddress ourAddress;
    private final Map<IlpAddress, Route> routes = new LinkedHashMap<>();
    private UUID tableId = NO_TABLE;
    private long epoch;
    private Instant expiresAt = Instant.MIN;

    IncomingRoutes(IlpAddress ourAddress) {
        this.ourAddress = ourAddress;
    }

    /**
     * Applies {@code update} received at {@code now}. A new table id means the peer restarted and sends its table
     * again from epoch 0, so what it told us before is forgotten (the reference connector keeps it until
     * withdrawn, which a restarted peer never does). Routes we must never use are dropped.
     */
    Outcome apply(RouteUpdateRequest update, Instant now) {
        Duration holdDown = Duration.ofMillis(update.holdDownTimeMs());
        Instant until = now.plus(holdDown.compareTo(HOLD_DOWN_TIME_MAX) > 0 ? HOLD_DOWN_TIME_MAX : holdDown);
        if (until.isAfter(expiresAt)) {
            expiresAt = until;
        }
        if (!update.routingTableId().equals(tableId)) {
            tableId = update.routingTableId();
            epoch = 0;
            routes.clear();
        }
        if (update.fromEpochIndex() > epoch) {
            return Outcome.GAP;
        }
        if (update.toEpochIndex() < epoch) {
            return Outcome.STALE;
        }
        update.withdrawnRoutes().forEach(routes::remove);
        for (Route route : update.newRoutes()) {
            if (acceptable(route) && (routes.containsKey(route.prefix()) || routes.size() < ROUTES_MAX)) {
                routes.put(route.prefix(), route);
            }
        }
        epoch = update.toEpochIndex();
        return Outcome.APPLIED;
    }

    /**
     * A route is usable when it lies in our address scheme without being the whole scheme (no default routes by
     * CCP), is not for our own address or below it (we are its destination), and its path does not pass through
     * us (that would be a loop); and a path already at the maximum length could not carry our address onwards.
     */
    private boolean acceptable(Route route) {
        IlpAddress prefix = route.prefix();
        return prefix.scheme().equals(ourAddress.scheme()) && prefix.value().length() > prefix.scheme().length()
                && !prefix.startsWith(ourAddress) && !route.path().contains(ourAddress)
                && route.path().size() < Route.PATH_MAX;
    }

    /**
     * Forgets every route once the hold-down time has passed without an update, and the epoch with them, so the
     * peer's next update must bring the whole table again. Returns whether anything lapsed.
     */
    boolean expire(Instant now) {
        if (!now.isAfter(expiresAt) || (routes.isEmpty() && tableId.equals(NO_TABLE))) {
            return false;
        }
        routes.clear();
        tableId = NO_TABLE;
        epoch = 0;
        return true;
    }

    Collection<Route> routes() {
        return List.copyOf(routes.values());
    }

    UUID tableId() {
        return tableId;
    }

    long epoch() {
        return epoch;
    }
}
