package org.kiungo.codec.stream;

import java.util.Arrays;
import java.util.Objects;

/**
 * One STREAM frame (RFC 29 §5.3). Amounts, offsets and stream ids are unsigned 64-bit values held in a {@code long}:
 * compare and print them with {@link Long#compareUnsigned} and {@link Long#toUnsignedString}. Frames of types this
 * version does not know are skipped when a packet is decoded, as §5.3 requires, so they have no record here.
 */
public sealed interface StreamFrame {
    int CONNECTION_CLOSE = 0x01;
    int CONNECTION_NEW_ADDRESS = 0x02;
    int CONNECTION_MAX_DATA = 0x03;
    int CONNECTION_DATA_BLOCKED = 0x04;
    int CONNECTION_MAX_STREAM_ID = 0x05;
    int CONNECTION_STREAM_ID_BLOCKED = 0x06;
    int CONNECTION_ASSET_DETAILS = 0x07;
    int STREAM_CLOSE = 0x10;
    int STREAM_MONEY = 0x11;
    int STREAM_MAX_MONEY = 0x12;
    int STREAM_MONEY_BLOCKED = 0x13;
    int STREAM_DATA = 0x14;
    int STREAM_MAX_DATA = 0x15;
    int STREAM_DATA_BLOCKED = 0x16;
    int STREAM_RECEIPT = 0x17;

    /** The largest asset scale the one-byte wire field can carry. */
    int ASSET_SCALE_MAX = 0xff;

    /** The frame type byte on the wire. */
    int type();

    /** Closes the connection, normally or with an error; the message is for debugging only. */
    record ConnectionClose(StreamErrorCode errorCode, String errorMessage) implements StreamFrame {
        public ConnectionClose {
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(errorMessage, "errorMessage");
        }

        @Override
        public int type() {
            return CONNECTION_CLOSE;
        }
    }

    /**
     * The sender's new ILP address. Checked only for ASCII here: the address type and its full rules live with the
     * ILP packets, and a receiver validates the address before it routes to it.
     */
    record ConnectionNewAddress(String sourceAccount) implements StreamFrame {
        public ConnectionNewAddress {
            Objects.requireNonNull(sourceAccount, "sourceAccount");
            if (!sourceAccount.chars().allMatch(c -> c < 0x80)) {
                throw new IllegalArgumentException("sourceAccount must be ASCII");
            }
        }

        @Override
        public int type() {
            return CONNECTION_NEW_ADDRESS;
        }
    }

    /** The total number of bytes the sender will accept on the connection. */
    record ConnectionMaxData(long maxOffset) implements StreamFrame {
        @Override
        public int type() {
            return CONNECTION_MAX_DATA;
        }
    }

    /** The total number of bytes the sender wants to send on the connection. */
    record ConnectionDataBlocked(long maxOffset) implements StreamFrame {
        @Override
        public int type() {
            return CONNECTION_DATA_BLOCKED;
        }
    }

    /** The largest stream id the sender will accept. */
    record ConnectionMaxStreamId(long maxStreamId) implements StreamFrame {
        @Override
        public int type() {
            return CONNECTION_MAX_STREAM_ID;
        }
    }

    /** The largest stream id the sender wants to open. */
    record ConnectionStreamIdBlocked(long maxStreamId) implements StreamFrame {
        @Override
        public int type() {
            return CONNECTION_STREAM_ID_BLOCKED;
        }
    }

    /** The sender's asset; it must not change during a connection. */
    record ConnectionAssetDetails(String sourceAssetCode, int sourceAssetScale) implements StreamFrame {
        public ConnectionAssetDetails {
            Objects.requireNonNull(sourceAssetCode, "sourceAssetCode");
            if (sourceAssetScale < 0 || sourceAssetScale > ASSET_SCALE_MAX) {
                throw new IllegalArgumentException("sourceAssetScale out of range: " + sourceAssetScale);
            }
        }

        @Override
        public int type() {
            return CONNECTION_ASSET_DETAILS;
        }
    }

    /** Closes one stream, normally or with an error; the message is for debugging only. */
    record StreamClose(long streamId, StreamErrorCode errorCode, String errorMessage) implements StreamFrame {
        public StreamClose {
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(errorMessage, "errorMessage");
        }

        @Override
        public int type() {
            return STREAM_CLOSE;
        }
    }

    /** This stream's share of the Prepare amount, relative to the other StreamMoney frames of the packet. */
    record StreamMoney(long streamId, long shares) implements StreamFrame {
        @Override
        public int type() {
            return STREAM_MONEY;
        }
    }

    /** How much the sender will receive on the stream in total (2^64-1 when the peer sent more), and has so far. */
    record StreamMaxMoney(long streamId, long receiveMax, long totalReceived) implements StreamFrame {
        @Override
        public int type() {
            return STREAM_MAX_MONEY;
        }
    }

    /** How much the sender wants to send on the stream in total (2^64-1 when the peer sent more), and has so far. */
    record StreamMoneyBlocked(long streamId, long sendMax, long totalSent) implements StreamFrame {
        @Override
        public int type() {
            return STREAM_MONEY_BLOCKED;
        }
    }

    /**
     * Application bytes at {@code offset} of the stream. The array is copied in and shared out: callers must not
     * modify what {@link #data()} returns.
     */
    record StreamData(long streamId, long offset, byte[] data) implements StreamFrame {
        public StreamData {
            data = Objects.requireNonNull(data, "data").clone();
        }

        @Override
        public int type() {
            return STREAM_DATA;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StreamData that && streamId == that.streamId && offset == that.offset
                    && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(streamId, offset, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "StreamData[streamId=" + Long.toUnsignedString(streamId) + ", offset="
                    + Long.toUnsignedString(offset) + ", data=" + data.length + " bytes]";
        }
    }

    /** The total number of bytes the sender will accept on the stream. */
    record StreamMaxData(long streamId, long maxOffset) implements StreamFrame {
        @Override
        public int type() {
            return STREAM_MAX_DATA;
        }
    }

    /** The total number of bytes the sender wants to send on the stream. */
    record StreamDataBlocked(long streamId, long maxOffset) implements StreamFrame {
        @Override
        public int type() {
            return STREAM_DATA_BLOCKED;
        }
    }

    /**
     * A receipt for the stream (RFC 39), kept as opaque bytes: a STREAM sender passes it on without decoding it;
     * {@link org.kiungo.codec.stream.StreamReceipt#decode} reads it. Copied in and shared out like StreamData.
     */
    record StreamReceipt(long streamId, byte[] receipt) implements StreamFrame {
        public StreamReceipt {
            receipt = Objects.requireNonNull(receipt, "receipt").clone();
        }

        @Override
        public int type() {
            return STREAM_RECEIPT;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StreamReceipt that && streamId == that.streamId
                    && Arrays.equals(receipt, that.receipt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(streamId, Arrays.hashCode(receipt));
        }

        @Override
        public String toString() {
            return "StreamReceipt[streamId=" + Long.toUnsignedString(streamId) + ", receipt=" + receipt.length
                    + " bytes]";
        }
    }
}
