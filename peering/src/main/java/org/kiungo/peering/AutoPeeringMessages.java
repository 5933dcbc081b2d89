package org.kiungo.peering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import org.kiungo.connector.Asset;

/**
 * The JSON of auto-peering, as Rafiki's auto-peering server and client exchange it. Request:
 * {@code {ilpConnectorUrl, staticIlpAddress, asset: {code, scale}, httpToken, maxPacketAmount, name}}; answer:
 * {@code {ilpConnectorUrl, staticIlpAddress, httpToken, name}}. Rafiki releases differ in the name of the
 * connector URL field ({@code ilpConnectorAddress} in some), so we write both names and read either; when both
 * are present they must agree. Reading checks the JSON types only; addresses, URLs and tokens are checked where
 * the peer is made.
 */
public final class AutoPeeringMessages {
    static final String URL_FIELD = "ilpConnectorUrl";
    static final String RAFIKI_URL_FIELD = "ilpConnectorAddress";
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AutoPeeringMessages() {
    }

    /** An auto-peering request; {@link #toString()} leaves out the token. */
    public record Request(String ilpConnectorUrl, String staticIlpAddress, String assetCode, int assetScale,
                          String httpToken, OptionalLong maxPacketAmount, Optional<String> name) {
        @Override
        public String toString() {
            return "Request[staticIlpAddress=" + staticIlpAddress + ", asset=" + assetCode + "/" + assetScale
                    + ", httpToken=(secret)]";
        }
    }

    /** An auto-peering answer; {@link #toString()} leaves out the token. */
    public record Answer(String ilpConnectorUrl, String staticIlpAddress, String httpToken, Optional<String> name) {
        @Override
        public String toString() {
            return "Answer[staticIlpAddress=" + staticIlpAddress + ", httpToken=(secret)]";
        }
    }

    /** Reads a request; a body that is no JSON object is InvalidPeeringRequest, a bad field the other kind. */
    public static Request request(byte[] body) {
        JsonNode root = object(body);
        JsonNode asset = root.path("asset");
        if (!asset.isObject()) {
            throw misconfigured("asset must be an object with code and scale");
        }
        JsonNode scale = asset.path("scale");
        if (!scale.isIntegralNumber() || scale.asLong() < 0 || scale.asLong() > Asset.SCALE_MAX) {
            throw misconfigured("asset.scale must be an integer from 0 to " + Asset.SCALE_MAX);
        }
        return new Request(connectorUrl(root), text(root, "staticIlpAddress"), text(asset, "code"), scale.asInt(),
                text(root, "httpToken"), amount(root, "maxPacketAmount"), optionalText(root, "name"));
    }

    /** Reads an answer; any problem is InvalidPeerIlpConfiguration, described for the operator. */
    public static Answer answer(byte[] body) {
        JsonNode root = object(body);
        return new Answer(connectorUrl(root), text(root, "staticIlpAddress"), text(root, "httpToken"),
                optionalText(root, "name"));
    }

    /** The {@code error.type} of a refusal's JSON, or empty. */
    static String errorType(byte[] body) {
        try {
            JsonNode type = JSON.readTree(body).path("error").path("type");
            return type.isTextual() ? type.asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The request's JSON; {@code maxPacketAmount} goes as a number, as Rafiki sends and reads it. */
    public static byte[] write(Request request) {
        ObjectNode root = JSON.createObjectNode();
        root.put(URL_FIELD, request.ilpConnectorUrl()).put(RAFIKI_URL_FIELD, request.ilpConnectorUrl())
                .put("staticIlpAddress", request.staticIlpAddress());
        root.putObject("asset").put("code", request.assetCode()).put("scale", request.assetScale());
        root.put("httpToken", request.httpToken());
        if (request.maxPacketAmount().isPresent()) {
            root.put("maxPacketAmount", new BigInteger(Long.toUnsignedString(request.maxPacketAmount().getAsLong())));
        }
        request.name().ifPresent(name -> root.put("name", name));
        return bytes(root);
    }

    public static byte[] write(Answer answer) {
        ObjectNode root = JSON.createObjectNode();
        root.put(URL_FIELD, answer.ilpConnectorUrl()).put(RAFIKI_URL_FIELD, answer.ilpConnectorUrl())
                .put("staticIlpAddress", answer.staticIlpAddress()).put("httpToken", answer.httpToken());
        answer.name().ifPresent(name -> root.put("name", name));
        return bytes(root);
    }

    /** Any JSON value as bytes: the refusals' bodies. */
    public static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static JsonNode object(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new AutoPeeringRefusal(AutoPeeringRefusal.Type.InvalidPeeringRequest, "the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new AutoPeeringRefusal(AutoPeeringRefusal.Type.InvalidPeeringRequest,
                    "the body is not a JSON object");
        }
        return root;
    }

    private static String connectorUrl(JsonNode root) {
        Optional<String> url = optionalText(root, URL_FIELD);
        Optional<String> rafikiUrl = optionalText(root, RAFIKI_URL_FIELD);
        if (url.isPresent() && rafikiUrl.isPresent() && !url.get().equals(rafikiUrl.get())) {
            throw misconfigured(URL_FIELD + " and " + RAFIKI_URL_FIELD + " differ");
        }
        return url.or(() -> rafikiUrl).orElseThrow(() -> misconfigured(URL_FIELD + " is missing"));
    }

    private static String text(JsonNode node, String field) {
        return optionalText(node, field).orElseThrow(() -> misconfigured(field + " is missing"));
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw misconfigured(field + " must be a string");
        }
        return Optional.of(value.asText());
    }

    /** An unsigned 64-bit amount given as a JSON integer or a decimal string; null, absent or 0 mean none. */
    private static OptionalLong amount(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return OptionalLong.empty();
        }
        BigInteger amount;
        if (value.isIntegralNumber()) {
            amount = value.bigIntegerValue();
        } else if (value.isTextual() && value.asText().matches("[0-9]{1,20}")) {
            amount = new BigInteger(value.asText());
        } else {
            throw misconfigured(field + " must be an integer");
        }
        if (amount.signum() < 0 || amount.compareTo(UINT64_MAX) > 0) {
            throw misconfigured(field + " must be from 0 to 2^64-1");
        }
        // Rafiki sends no limit as 0 or null, and treats 0 as no limit when it reads one.
        return amount.signum() == 0 ? OptionalLong.empty() : OptionalLong.of(amount.longValue());
    }

    private static byte[] bytes(ObjectNode root) {
        return write((Object) root);
    }

    static AutoPeeringRefusal misconfigured(String reason) {
        return new AutoPeeringRefusal(AutoPeeringRefusal.Type.InvalidPeerIlpConfiguration, reason);
    }
}
