package org.kiungo.admin;

import graphql.schema.DataFetcher;
import java.util.Map;
import org.kiungo.peering.PeerRecord;
import org.kiungo.peering.PeeringServices;

/** The schema's queries: assets and peers by id, in pages, and a peer by static ILP address and asset. */
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
                        .orElse(null));
    }
}
