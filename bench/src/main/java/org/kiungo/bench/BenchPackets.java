package org.kiungo.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;

/**
 * What the forwarding benchmark's sender, middle node and sink agree on: addresses, tokens, and one fulfillment
 * whose condition every Prepare carries, so the sink fulfils without keeping state.
 */
final class BenchPackets {
    static final String NODE_ADDRESS = "test.middle";
    static final String SENDER_ADDRESS = "test.sender";
    static final String SINK_ADDRESS = "test.sink";
    /** Every packet goes here: a destination under the sink's address. */
    static final IlpAddress DESTINATION = IlpAddress.of(SINK_ADDRESS + ".receiver");
    /** The token the sender presents to the middle node; a benchmark's own value, guarding nothing. */
    static final String SENDER_TOKEN = "bench-sender-token";
    /** The token the middle node presents to the sink. */
    static final String SINK_TOKEN = "bench-sink-token";
    /** How long a packet lives: far longer than any reply takes, so no packet expires in a healthy run. */
    static final long PACKET_LIFETIME_MS = 30_000;
    /** The data every Prepare carries: as small as a STREAM packet's overhead, so the codec does real work. */
    static final int DATA_LENGTH = 64;
    /** Enough credit for the sender that no run can use it up (9 decimal places, amount 1 per packet). */
    static final long SENDER_CREDIT = 1_000_000_000_000_000L;

    private static final byte[] FULFILLMENT = new byte[Fulfill.FULFILLMENT_LENGTH];
    private static final byte[] CONDITION;
    private static final byte[] DATA = new byte[DATA_LENGTH];

    static {
        Arrays.fill(FULFILLMENT, (byte) 7);
        Arrays.fill(DATA, (byte) 42);
        try {
            CONDITION = MessageDigest.getInstance("SHA-256").digest(FULFILLMENT);
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private BenchPackets() {
    }

    /** A fresh Prepare of amount 1, expiring {@link #PACKET_LIFETIME_MS} from now, OER-encoded. */
    static byte[] prepare() {
        Instant expiresAt = Instant.now().plusMillis(PACKET_LIFETIME_MS);
        return IlpCodec.encode(new Prepare(1, expiresAt, CONDITION.clone(), DESTINATION, DATA.clone()));
    }

    static byte[] condition() {
        return CONDITION.clone();
    }

    /** The encoded Fulfill that answers every benchmark Prepare. */
    static byte[] fulfill() {
        return IlpCodec.encode(new Fulfill(FULFILLMENT.clone(), new byte[0]));
    }
}
