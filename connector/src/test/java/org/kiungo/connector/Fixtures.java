package org.kiungo.connector;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.kiungo.codec.ilp.Conditions;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/** Peers, assets and packets shared by the connector's tests. */
final class Fixtures {
    static final IlpAddress US = IlpAddress.of("test.us");
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final Asset USD = new Asset("USD", 2, 1);
    static final Asset EUR = new Asset("EUR", 6, 2);
    static final byte[] FULFILLMENT = new byte[32];
    static final byte[] CONDITION;

    static {
        FULFILLMENT[0] = 7;
        CONDITION = Conditions.of(FULFILLMENT);
    }

    private Fixtures() {
    }

    static Peer peer(String id, String address, Asset asset) {
        return Peer.of(id, IlpAddress.of(address), asset,
                HttpLink.of(URI.create("http://127.0.0.1:9/ilp"), "outgoing-" + id), UUID.randomUUID());
    }

    static Prepare prepare(long amount, String destination, Instant expiresAt) {
        return new Prepare(amount, expiresAt, CONDITION.clone(), IlpAddress.of(destination), new byte[] {1, 2});
    }

    static Prepare prepare(long amount, String destination) {
        return prepare(amount, destination, NOW.plusSeconds(10));
    }

    static Fulfill fulfill() {
        return new Fulfill(FULFILLMENT.clone(), new byte[0]);
    }

    static Reject reject(Reply reply) {
        if (!(reply instanceof Reject reject)) {
            throw new AssertionError("expected a Reject, got " + reply);
        }
        return reject;
    }
}
