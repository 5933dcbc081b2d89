package org.kiungo.stream;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.codec.stream.SpspResponse;
import org.kiungo.codec.stream.StreamFrame;
import org.kiungo.codec.stream.StreamKeys;
import org.kiungo.codec.stream.StreamPacket;

/** Builds STREAM Prepares the way a sender would, and reads the receiver's encrypted replies. */
final class StreamRequests {
    static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IlpAddress destination;
    private final StreamKeys keys;

    StreamRequests(SpspResponse spsp) {
        this.destination = spsp.destinationAccount();
        this.keys = StreamKeys.fromSharedSecret(spsp.sharedSecret());
    }

    /** A fulfillable Prepare paying stream 1. */
    Prepare prepare(long amount, long sequence, long minimum) {
        return prepare(amount, sequence, minimum, List.of(new StreamFrame.StreamMoney(1, 1)), true);
    }

    Prepare prepare(long amount, long sequence, long minimum, List<StreamFrame> frames, boolean fulfillable) {
        return prepareOfType(StreamPacket.PREPARE, amount, sequence, minimum, frames, fulfillable);
    }

    Prepare prepareOfType(int streamType, long amount, long sequence, long minimum, List<StreamFrame> frames,
                          boolean fulfillable) {
        byte[] data = keys.encrypt(new StreamPacket(streamType, sequence, minimum, frames).encode());
        byte[] condition = new byte[32];
        if (fulfillable) {
            condition = keys.condition(data);
        } else {
            RANDOM.nextBytes(condition);
        }
        return new Prepare(amount, EXPIRY, condition, destination, data);
    }

    /** The receiver's STREAM packet in a Fulfill or Reject. */
    StreamPacket read(Reply reply) throws DecodingException {
        byte[] data = switch (reply) {
            case Fulfill fulfill -> fulfill.data();
            case Reject reject -> reject.data();
        };
        return StreamPacket.decode(keys.decrypt(data));
    }
}
