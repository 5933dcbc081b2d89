package org.kiungo.codec.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Turns the JSON packets of the STREAM vectors into records; unknown frames become null, as decode skips them. */
final class StreamVectorFrames {
    private StreamVectorFrames() {
    }

    static StreamPacket packet(JsonNode json) {
        List<StreamFrame> frames = new ArrayList<>();
        for (JsonNode frame : json.get("frames")) {
            StreamFrame known = frame(frame);
            if (known != null) {
                frames.add(known);
            }
        }
        return new StreamPacket(json.get("packetType").asInt(), u64(json, "sequence"), u64(json, "amount"), frames);
    }

    static StreamFrame frame(JsonNode f) {
        return switch (f.get("name").asText()) {
            case "ConnectionClose" -> new StreamFrame.ConnectionClose(errorCode(f), f.get("errorMessage").asText());
            case "ConnectionNewAddress" -> new StreamFrame.ConnectionNewAddress(f.get("sourceAccount").asText());
            case "ConnectionMaxData" -> new StreamFrame.ConnectionMaxData(u64(f, "maxOffset"));
            case "ConnectionDataBlocked" -> new StreamFrame.ConnectionDataBlocked(u64(f, "maxOffset"));
            case "ConnectionMaxStreamId" -> new StreamFrame.ConnectionMaxStreamId(u64(f, "maxStreamId"));
            case "ConnectionStreamIdBlocked" -> new StreamFrame.ConnectionStreamIdBlocked(u64(f, "maxStreamId"));
            case "ConnectionAssetDetails" -> new StreamFrame.ConnectionAssetDetails(
                    f.get("sourceAssetCode").asText(), f.get("sourceAssetScale").asInt());
            case "StreamClose" -> new StreamFrame.StreamClose(
                    u64(f, "streamId"), errorCode(f), f.get("errorMessage").asText());
            case "StreamMoney" -> new StreamFrame.StreamMoney(u64(f, "streamId"), u64(f, "shares"));
            case "StreamMaxMoney" -> new StreamFrame.StreamMaxMoney(
                    u64(f, "streamId"), u64(f, "receiveMax"), u64(f, "totalReceived"));
            case "StreamMoneyBlocked" -> new StreamFrame.StreamMoneyBlocked(
                    u64(f, "streamId"), u64(f, "sendMax"), u64(f, "totalSent"));
            case "StreamData" -> new StreamFrame.StreamData(
                    u64(f, "streamId"), u64(f, "offset"), Base64.getDecoder().decode(f.get("data").asText()));
            case "StreamMaxData" -> new StreamFrame.StreamMaxData(u64(f, "streamId"), u64(f, "maxOffset"));
            case "StreamDataBlocked" -> new StreamFrame.StreamDataBlocked(u64(f, "streamId"), u64(f, "maxOffset"));
            case "StreamReceipt" -> new StreamFrame.StreamReceipt(
                    u64(f, "streamId"), Base64.getDecoder().decode(f.get("receipt").asText()));
            case "Unknown" -> null;
            default -> throw new AssertionError("frame name in vectors: " + f.get("name").asText());
        };
    }

    static long u64(JsonNode node, String field) {
        return Long.parseUnsignedLong(node.get(field).asText());
    }

    private static StreamErrorCode errorCode(JsonNode f) {
        return new StreamErrorCode(f.get("errorCode").asInt());
    }
}
