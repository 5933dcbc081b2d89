package org.kiungo.peering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * A node's WebFinger record in the shape of Appendix A: {@code subject}, the properties
 * {@code https://interledger.org/rel/protocolVersion} and {@code https://interledger.org/rel/publicKey} (X25519,
 * base64url), and a {@code https://interledger.org/rel/peersRpcUri} link, which for us is the ILP-over-HTTP
 * endpoint ({@code ILP_CONNECTOR_URL}). We add one property, {@link #ILP_ADDRESS}, the node's static ILP address,
 * so the peer can route to it at once; a record without it is still read.
 *
 * @param ilpAddress the node's ILP address, when the record gives it
 */
public record WebFingerRecord(String subject, String protocolVersion, byte[] publicKey, String peersRpcUri,
                              Optional<String> ilpAddress) {
    public static final String PROTOCOL_VERSION_REL = "https://interledger.org/rel/protocolVersion";
    public static final String PUBLIC_KEY_REL = "https://interledger.org/rel/publicKey";
    public static final String PEERS_RPC_URI_REL = "https://interledger.org/rel/peersRpcUri";
    public static final String ILP_ADDRESS = "urn:kiungo:rel:staticIlpAddress";
    /** What our peers RPC URI speaks: ILP over HTTP, with the derived token as bearer token. */
    public static final String PROTOCOL_VERSION = "Compatible: ILP-over-HTTP (RFC 35)";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record as JSON. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode().put("subject", subject);
        ObjectNode properties = root.putObject("properties").put(PROTOCOL_VERSION_REL, protocolVersion)
                .put(PUBLIC_KEY_REL, Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey));
        ilpAddress.ifPresent(address -> properties.put(ILP_ADDRESS, address));
        root.putArray("links").addObject().put("rel", PEERS_RPC_URI_REL).put("href", peersRpcUri);
        return AutoPeeringMessages.write((Object) root);
    }

    /** Reads a fetched record; any problem is BAD_USER_INPUT saying what is wrong with it. */
    public static WebFingerRecord parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw Inputs.bad("the WebFinger record is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw Inputs.bad("the WebFinger record is not a JSON object");
        }
        JsonNode properties = root.path("properties");
        String rpcUri = null;
        for (JsonNode link : root.path("links")) {
            if (PEERS_RPC_URI_REL.equals(link.path("rel").asText()) && link.path("href").isTextual()) {
                rpcUri = link.path("href").asText();
            }
        }
        if (rpcUri == null) {
            throw Inputs.bad("the WebFinger record has no " + PEERS_RPC_URI_REL + " link");
        }
        JsonNode address = properties.path(ILP_ADDRESS);
        return new WebFingerRecord(text(root, "subject"), text(properties, PROTOCOL_VERSION_REL),
                publicKey(text(properties, PUBLIC_KEY_REL)), rpcUri,
                address.isTextual() ? Optional.of(address.asText()) : Optional.empty());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw Inputs.bad("the WebFinger record has no " + field + " string");
        }
        return value.asText();
    }

    /** Base64 or base64url, padded or not, as JavaScript's {@code Buffer.from(text, 'base64')} reads both. */
    private static byte[] publicKey(String text) {
        try {
            byte[] key = Base64.getUrlDecoder().decode(text.replace('+', '-').replace('/', '_').replace("=", ""));
            if (key.length == WebFingerSecrets.KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the refusal below.
        }
        throw Inputs.bad("the WebFinger record's public key is not " + WebFingerSecrets.KEY_BYTES
                + " bytes of base64");
    }
}
