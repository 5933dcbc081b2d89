package org.kiungo.peering;

import java.time.Instant;
import java.util.Objects;

/**
 * The first result of a mutation sent with an idempotency key: a replay with the same {@code fingerprint} (a hash
 * of the operation and its arguments) gets {@code response} back, anything else with the key is refused.
 */
public record IdempotencyRecord(String key, String operation, String fingerprint, String response,
                                Instant createdAt) {
    /** The longest key accepted. */
    public static final int KEY_LENGTH_MAX = 255;

    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
