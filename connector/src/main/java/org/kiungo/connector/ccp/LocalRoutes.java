package org.kiungo.connector.ccp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kiungo.codec.ccp.Route;
import org.kiungo.codec.ilp.Conditions;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.Peer;

/**
 * The routes this node originates, and how any route looks when we pass it on. We originate our own address and
 * each peer's static address and configured routes, each with an empty path and an {@code auth} of
 * HMAC-SHA256(a secret drawn at start, prefix); a route we pass on gets our address in front of its path and the
 * SHA-256 of its auth, as the reference connector does, so a later hop can tell a route from its origin.
 */
final class LocalRoutes {
    private static final int SECRET_LENGTH = 32;

    private final IlpAddress ourAddress;
    private final SecretKeySpec secret;

    LocalRoutes(IlpAddress ourAddress, SecureRandom random) {
        this.ourAddress = ourAddress;
        byte[] bytes = new byte[SECRET_LENGTH];
        random.nextBytes(bytes);
        this.secret = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** Our own address, then every peer's static address and configured routes. */
    List<RouteCandidate> of(Collection<Peer> peers) {
        List<RouteCandidate> local = new ArrayList<>();
        local.add(new RouteCandidate(RouteCandidate.OURSELVES, origin(ourAddress), true));
        for (Peer peer : peers) {
            local.add(new RouteCandidate(peer.id(), origin(peer.staticIlpAddress()), true));
            peer.routes().forEach(prefix -> local.add(new RouteCandidate(peer.id(), origin(prefix), true)));
        }
        return local;
    }

    /**
     * Whether we tell peers about {@code prefix}: it lies in our address scheme without being the whole scheme,
     * and it is not below our own address, since advertising our address brings those packets to us already.
     */
    boolean advertised(IlpAddress prefix) {
        boolean belowUs = prefix.startsWith(ourAddress) && !prefix.equals(ourAddress);
        return prefix.scheme().equals(ourAddress.scheme()) && prefix.value().length() > prefix.scheme().length()
                && !belowUs;
    }

    /** {@code candidate} as we pass it on: our address first on its path, its auth hashed, no props. */
    RouteCandidate passedOn(RouteCandidate candidate) {
        Route route = candidate.route();
        List<IlpAddress> path = new ArrayList<>(route.path().size() + 1);
        path.add(ourAddress);
        path.addAll(route.path());
        return new RouteCandidate(candidate.nextHop(), new Route(route.prefix(), path, Conditions.of(route.auth()),
                List.of()), candidate.local());
    }

    private Route origin(IlpAddress prefix) {
        return new Route(prefix, List.of(), hmac(prefix), List.of());
    }

    private byte[] hmac(IlpAddress prefix) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal(prefix.value().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
