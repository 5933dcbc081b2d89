package org.kiungo.stream;

import java.util.List;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.stream.StreamFrame;
import org.kiungo.codec.stream.StreamKeys;
import org.kiungo.codec.stream.StreamPacket;

/**
 * Builds the receiver's replies to one authentic STREAM request: the encrypted STREAM packet echoes the sequence and
 * states the amount that arrived, so the sender learns the path's rate from rejects as well as from fulfills.
 */
final class ReplyWriter {
    private final StreamKeys keys;
    private final IlpAddress triggeredBy;
    private final long sequence;
    private final long receivedAmount;

    ReplyWriter(StreamKeys keys, IlpAddress triggeredBy, long sequence, long receivedAmount) {
        this.keys = keys;
        this.triggeredBy = triggeredBy;
        this.sequence = sequence;
        this.receivedAmount = receivedAmount;
    }

    /** A Reject without data: for packets that are not authentic, where anything we say could help a prober. */
    static Reject bare(ErrorCode code, IlpAddress triggeredBy) {
        return Reject.of(code, triggeredBy, "");
    }

    Reject reject(ErrorCode code, List<StreamFrame> frames) {
        byte[] data = keys.encrypt(new StreamPacket(StreamPacket.REJECT, sequence, receivedAmount, frames).encode());
        return new Reject(code, triggeredBy.value(), "", data);
    }

    Fulfill fulfill(byte[] fulfillment, List<StreamFrame> frames) {
        byte[] data = keys.encrypt(new StreamPacket(StreamPacket.FULFILL, sequence, receivedAmount, frames).encode());
        return new Fulfill(fulfillment, data);
    }
}
