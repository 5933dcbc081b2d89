package org.kiungo.peering;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An auto-peering request refused, answered as Rafiki's auto-peering server answers:
 * {@code {"error":{"code":<HTTP status>,"message":...,"type":...}}}. The {@code reason} is for our log only (it
 * names fields and addresses, never a token); the answer keeps Rafiki's fixed messages so a Rafiki initiator
 * recognises the type.
 */
public final class AutoPeeringRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Type type;

    AutoPeeringRefusal(Type type, String reason) {
        super(reason, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
    }

    public Type type() {
        return type;
    }

    /** The JSON body of the answer, as a map for the caller's JSON writer. */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", type.status);
        error.put("message", type.message);
        error.put("type", type.name());
        return Map.of("error", error);
    }

    /** The kinds of refusal, each with its HTTP status and fixed message. */
    public enum Type {
        /** The requested asset code and scale are not an asset of ours. */
        UnknownAsset(404, "Unknown asset"),
        /** A field is missing or invalid: the ILP address, connector URL, token, asset or amounts. */
        InvalidPeerIlpConfiguration(400, "Requested peer's ILP configuration is misconfigured"),
        /** The body is not a JSON object, too large, or clashes with another peer (a token in use). */
        InvalidPeeringRequest(400, "Invalid peering request"),
        /** The requester's ILP address is outside {@code AUTO_PEERING_ALLOWED_PREFIXES}. */
        PeeringNotAllowed(403, "This node does not auto-peer with that ILP address");

        private final int status;
        private final String message;

        Type(int status, String message) {
            this.status = status;
            this.message = message;
        }

        public int status() {
            return status;
        }

        public String message() {
            return message;
        }
    }
}
