package org.kiungo.admin;

import graphql.schema.DataFetcher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kiungo.peering.LiquidityAlarms;
import org.kiungo.peering.PeerRecord;
import org.kiungo.peering.PeeringError;
import org.kiungo.peering.PeeringException;
import org.kiungo.peering.PeeringServices;

/**
 * The schema's queries: assets and peers by id, in pages, a peer by static ILP address and asset, and webhook
 * events in pages.
 */
final class QueryResolvers {
    private final PeeringServices services;
    private final Views views;

    QueryResolvers(PeeringServices services, Views views) {
        this.services = services;
        this.views = views;
    }

    Map<String, DataFetcher<?>> fetchers() {
        return Map.of(
                "asset", env -> views.asset(services.assets().get(env.getArgument("id"))),
                "assets", env -> Views.connection(services.assets().page(env.getArgument("first"),
                        env.getArgument("after"), env.getArgument("last"), env.getArgument("before")),
                        a -> a.id().toString(), views::asset),
                "peer", env -> views.peer(services.peers().get(env.getArgument("id"))),
                "peers", env -> Views.connection(services.peers().page(env.getArgument("first"),
                        env.getArgument("after"), env.getArgument("last"), env.getArgument("before")),
                        PeerRecord::id, views::peer),
                "peerByAddressAndAsset", env -> services.peers().byAddressAndAsset(
                        env.getArgument("staticIlpAddress"), env.getArgument("assetId")).map(views::peer)
                        .orElse(null),
                "webhookEvents", env -> Views.connection(services.alarms().page(types(env.getArgument("filter")),
                        env.getArgument("first"), env.getArgument("after"), env.getArgument("last"),
                        env.getArgument("before")), e -> e.id().toString(), Views::webhookEvent));
    }

    /** The types a filter names (none: every type); an unknown type is refused, as it could never match. */
    private static Set<String> types(Map<String, Object> filter) {
        List<String> types = new Arguments(filter).object("type").flatMap(t -> t.strings("in")).orElse(List.of());
        for (String type : types) {
            if (!LiquidityAlarms.TYPES.contains(type)) {
                throw new PeeringException(PeeringError.BAD_USER_INPUT, "filter.type.in: unknown event type \""
                        + (type.length() <= 40 ? type : type.substring(0, 40) + "...") + "\"; the types are "
                        + new TreeSet<>(LiquidityAlarms.TYPES));
            }
        }
        return Set.copyOf(types);
    }
}
