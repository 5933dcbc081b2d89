package org.kiungo.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.peering.AssetRecord;
import org.kiungo.peering.Page;
import org.kiungo.peering.PeerRecord;
import org.kiungo.peering.PeeringServices;
import org.kiungo.peering.WebhookEvent;

/**
 * Records as the schema's objects: maps whose keys are the field names, with liquidity read live from the
 * ledger. Maps rather than records because they also serve as the stored first result of an idempotent mutation.
 */
final class Views {
    private final PeeringServices services;

    Views(PeeringServices services) {
        this.services = services;
    }

    Map<String, Object> asset(AssetRecord asset) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", asset.id().toString());
        view.put("code", asset.code());
        view.put("scale", asset.scale());
        view.put("liquidity", services.assets().liquidity(asset));
        view.put("liquidityThreshold", boxed(asset.liquidityThreshold()));
        view.put("withdrawalThreshold", boxed(asset.withdrawalThreshold()));
        view.put("liquidityHighThreshold", boxed(asset.liquidityHighThreshold()));
        view.put("createdAt", asset.createdAt().toString());
        return view;
    }

    Map<String, Object> peer(PeerRecord peer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", peer.id());
        view.put("name", peer.name().orElse(null));
        view.put("asset", asset(services.assets().get(peer.assetId().toString())));
        view.put("staticIlpAddress", peer.staticIlpAddress().value());
        view.put("maxPacketAmount", boxed(peer.maxPacketAmount()));
        view.put("liquidityThreshold", boxed(peer.liquidityThreshold()));
        view.put("liquidityHighThreshold", boxed(peer.liquidityHighThreshold()));
        view.put("liquidity", services.peers().liquidity(peer));
        view.put("routes", peer.routes().stream().map(IlpAddress::value).toList());
        view.put("http", Map.of("outgoing", Map.of("authToken", peer.outgoingToken(), "endpoint",
                peer.endpoint().toString(), "mode", peer.httpMode().name(), "http2", peer.http2())));
        view.put("createdAt", peer.createdAt().toString());
        return view;
    }

    static Map<String, Object> webhookEvent(WebhookEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", event.id().toString());
        view.put("type", event.type());
        view.put("data", event.data());
        view.put("createdAt", event.createdAt().toString());
        view.put("state", event.state().name());
        view.put("attempts", event.attempts());
        view.put("nextAttemptAt", event.nextAttemptAt().map(Object::toString).orElse(null));
        view.put("deliveredAt", event.deliveredAt().map(Object::toString).orElse(null));
        view.put("lastStatus", event.lastStatus().isPresent() ? event.lastStatus().getAsInt() : null);
        view.put("lastError", event.lastError().orElse(null));
        return view;
    }

    static <T> Map<String, Object> connection(Page<T> page, Function<T, String> cursor,
                                              Function<T, Map<String, Object>> node) {
        List<Map<String, Object>> edges = page.items().stream()
                .map(item -> Map.<String, Object>of("cursor", cursor.apply(item), "node", node.apply(item)))
                .toList();
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        pageInfo.put("hasNextPage", page.hasNextPage());
        pageInfo.put("hasPreviousPage", page.hasPreviousPage());
        return Map.of("pageInfo", pageInfo, "edges", edges);
    }

    /** A successful mutation's response: Rafiki's {@code code}, {@code success} and {@code message}. */
    static Map<String, Object> success(String message, String field, Object value) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("code", "200");
        response.put("success", true);
        response.put("message", message);
        if (field != null) {
            response.put(field, value);
        }
        return response;
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
