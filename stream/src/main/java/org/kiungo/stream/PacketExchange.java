package org.kiungo.stream;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.codec.stream.SpspResponse;
import org.kiungo.codec.stream.StreamFrame;
import org.kiungo.codec.stream.StreamKeys;
import org.kiungo.codec.stream.StreamPacket;

/**
 * One sender's side of a STREAM connection: numbers, encrypts and sends each request, and reads the receiver's
 * encrypted answer, which counts only if it decrypts, names the ILP packet type it came in and echoes the sequence
 * (RFC 29 §5.2). Thread-safe: packets of one payment may be in flight together, each with its own sequence number.
 */
final class PacketExchange {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A reply and, when it is authentic, the receiver's STREAM packet in it. */
    record Exchange(Reply reply, Optional<StreamPacket> answer) {
    }

    private final PrepareSender network;
    private final Clock clock;
    private final Duration expiry;
    private final IlpAddress destination;
    private final StreamKeys keys;
    private long sequence;
    private long prepares;

    PacketExchange(PrepareSender network, Clock clock, Duration expiry, SpspResponse receiver) {
        this.network = network;
        this.clock = clock;
        this.expiry = expiry;
        this.destination = receiver.destinationAccount();
        this.keys = StreamKeys.fromSharedSecret(receiver.sharedSecret());
    }

    /**
     * Sends {@code amount} asking the receiver for at least {@code minimum}; an unfulfillable packet (a probe) has a
     * random condition, so the receiver answers with how much arrived but cannot take the money.
     */
    Exchange send(long amount, long minimum, List<StreamFrame> frames, boolean fulfillable) {
        long number = next();
        byte[] data = keys.encrypt(new StreamPacket(StreamPacket.PREPARE, number, minimum, frames).encode());
        byte[] condition = new byte[Prepare.CONDITION_LENGTH];
        if (fulfillable) {
            condition = keys.condition(data);
        } else {
            RANDOM.nextBytes(condition);
        }
        Prepare prepare = new Prepare(amount, clock.instant().plus(expiry), condition, destination, data);
        Reply reply = network.send(prepare);
        return new Exchange(reply, read(reply, number));
    }

    /** How many Prepares this connection has sent. */
    synchronized long prepares() {
        return prepares;
    }

    private synchronized long next() {
        prepares++;
        return ++sequence;
    }

    private Optional<StreamPacket> read(Reply reply, long number) {
        byte[] data;
        int expectedType;
        switch (reply) {
            case Fulfill fulfill -> {
                data = fulfill.data();
                expectedType = StreamPacket.FULFILL;
            }
            case Reject reject -> {
                data = reject.data();
                expectedType = StreamPacket.REJECT;
            }
        }
        if (data.length == 0) {
            return Optional.empty();
        }
        try {
            StreamPacket packet = StreamPacket.decode(keys.decrypt(data));
            boolean matches = packet.ilpPacketType() == expectedType && packet.sequence() == number;
            return matches ? Optional.of(packet) : Optional.empty();
        } catch (DecodingException e) {
            return Optional.empty();
        }
    }
}
