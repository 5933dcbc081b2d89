package org.kiungo.codec.stream;

import org.kiungo.codec.DecodingException;
import org.kiungo.codec.oer.OerReader;
import org.kiungo.codec.oer.OerWriter;

/**
 * Frame contents, the bytes inside each frame's length prefix. Bytes left inside a known frame after its fields
 * are ignored: the prefix lets a newer peer append fields, as RFC 29 §5.2 allows after the frames of a packet.
 */
final class StreamFrameCodec {
    private StreamFrameCodec() {
    }

    static void writeContents(StreamFrame frame, OerWriter out) {
        switch (frame) {
            case StreamFrame.ConnectionClose f -> out.writeUInt8(f.errorCode().code()).writeVarUtf8(f.errorMessage());
            case StreamFrame.ConnectionNewAddress f -> out.writeVarAscii(f.sourceAccount());
            case StreamFrame.ConnectionMaxData f -> out.writeVarUInt(f.maxOffset());
            case StreamFrame.ConnectionDataBlocked f -> out.writeVarUInt(f.maxOffset());
            case StreamFrame.ConnectionMaxStreamId f -> out.writeVarUInt(f.maxStreamId());
            case StreamFrame.ConnectionStreamIdBlocked f -> out.writeVarUInt(f.maxStreamId());
            case StreamFrame.ConnectionAssetDetails f ->
                    out.writeVarUtf8(f.sourceAssetCode()).writeUInt8(f.sourceAssetScale());
            case StreamFrame.StreamClose f ->
                    out.writeVarUInt(f.streamId()).writeUInt8(f.errorCode().code()).writeVarUtf8(f.errorMessage());
            case StreamFrame.StreamMoney f -> out.writeVarUInt(f.streamId()).writeVarUInt(f.shares());
            case StreamFrame.StreamMaxMoney f ->
                    out.writeVarUInt(f.streamId()).writeVarUInt(f.receiveMax()).writeVarUInt(f.totalReceived());
            case StreamFrame.StreamMoneyBlocked f ->
                    out.writeVarUInt(f.streamId()).writeVarUInt(f.sendMax()).writeVarUInt(f.totalSent());
            case StreamFrame.StreamData f ->
                    out.writeVarUInt(f.streamId()).writeVarUInt(f.offset()).writeVarOctetString(f.data());
            case StreamFrame.StreamMaxData f -> out.writeVarUInt(f.streamId()).writeVarUInt(f.maxOffset());
            case StreamFrame.StreamDataBlocked f -> out.writeVarUInt(f.streamId()).writeVarUInt(f.maxOffset());
            case StreamFrame.StreamReceipt f -> out.writeVarUInt(f.streamId()).writeVarOctetString(f.receipt());
        }
    }

    /** The frame of a known type, or null for an unknown type, which RFC 29 §5.3 says to ignore. */
    static StreamFrame readContents(int type, OerReader in) throws DecodingException {
        return switch (type) {
            case StreamFrame.CONNECTION_CLOSE -> new StreamFrame.ConnectionClose(
                    new StreamErrorCode(in.readUInt8()), in.readVarUtf8("error message"));
            case StreamFrame.CONNECTION_NEW_ADDRESS -> new StreamFrame.ConnectionNewAddress(
                    in.readVarAscii("source account"));
            case StreamFrame.CONNECTION_MAX_DATA -> new StreamFrame.ConnectionMaxData(in.readVarUInt());
            case StreamFrame.CONNECTION_DATA_BLOCKED -> new StreamFrame.ConnectionDataBlocked(in.readVarUInt());
            case StreamFrame.CONNECTION_MAX_STREAM_ID -> new StreamFrame.ConnectionMaxStreamId(in.readVarUInt());
            case StreamFrame.CONNECTION_STREAM_ID_BLOCKED ->
                    new StreamFrame.ConnectionStreamIdBlocked(in.readVarUInt());
            case StreamFrame.CONNECTION_ASSET_DETAILS -> new StreamFrame.ConnectionAssetDetails(
                    in.readVarUtf8("source asset code"), in.readUInt8());
            case StreamFrame.STREAM_CLOSE -> new StreamFrame.StreamClose(
                    in.readVarUInt(), new StreamErrorCode(in.readUInt8()), in.readVarUtf8("error message"));
            case StreamFrame.STREAM_MONEY -> new StreamFrame.StreamMoney(in.readVarUInt(), in.readVarUInt());
            // RFC 29 §5.1.4: only these two maxima saturate; every other over-long VarUInt is an error.
            case StreamFrame.STREAM_MAX_MONEY -> new StreamFrame.StreamMaxMoney(
                    in.readVarUInt(), in.readVarUIntSaturating(), in.readVarUInt());
            case StreamFrame.STREAM_MONEY_BLOCKED -> new StreamFrame.StreamMoneyBlocked(
                    in.readVarUInt(), in.readVarUIntSaturating(), in.readVarUInt());
            case StreamFrame.STREAM_DATA -> new StreamFrame.StreamData(
                    in.readVarUInt(), in.readVarUInt(), in.readVarOctetString("stream data"));
            case StreamFrame.STREAM_MAX_DATA -> new StreamFrame.StreamMaxData(in.readVarUInt(), in.readVarUInt());
            case StreamFrame.STREAM_DATA_BLOCKED ->
                    new StreamFrame.StreamDataBlocked(in.readVarUInt(), in.readVarUInt());
            case StreamFrame.STREAM_RECEIPT -> new StreamFrame.StreamReceipt(
                    in.readVarUInt(), in.readVarOctetString("receipt"));
            default -> null;
        };
    }
}
