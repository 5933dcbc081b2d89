package org.kiungo.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kiungo.peering.IdempotencyRecord;
import org.kiungo.peering.PeeringError;
import org.kiungo.peering.PeeringException;
import org.kiungo.peering.PeeringStore;

/**
 * Idempotency keys on mutations: the first successful result under a key is stored (in the peering store, so it
 * survives a restart) and a replay with the same operation and arguments gets it back without running again.
 * The same key with other arguments, or while its first request is still running, is refused (CONFLICT).
 * Failures are not stored: a failed request changed nothing and may be retried under its key.
 */
final class Idempotency {
    /** Keys being worked on at once; more are refused rather than queued. */
    static final int IN_FLIGHT_MAX = 1_024;

    private final PeeringStore store;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
            true);
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    Idempotency(PeeringStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Runs {@code mutation} under the input's {@code idempotencyKey}, or plainly when it has none. */
    Map<String, Object> run(String operation, Arguments input, MutationResolvers.Mutation mutation) {
        String key = input.string("idempotencyKey");
        if (key == null) {
            return mutation.run(input);
        }
        if (key.isEmpty() || key.length() > IdempotencyRecord.KEY_LENGTH_MAX) {
            throw new PeeringException(PeeringError.BAD_USER_INPUT, "idempotencyKey must have 1 to "
                    + IdempotencyRecord.KEY_LENGTH_MAX + " characters");
        }
        String fingerprint = fingerprint(operation, input);
        if (inFlight.size() >= IN_FLIGHT_MAX || !inFlight.add(key)) {
            throw new PeeringException(PeeringError.CONFLICT, "a request with this idempotencyKey is in progress; "
                    + "retry once it has finished");
        }
        try {
            var stored = store.idempotency(key);
            if (stored.isPresent()) {
                if (!stored.get().operation().equals(operation) || !stored.get().fingerprint().equals(fingerprint)) {
                    throw new PeeringException(PeeringError.CONFLICT, "this idempotencyKey was used with another "
                            + "operation or other arguments");
                }
                return read(stored.get().response());
            }
            Map<String, Object> response = mutation.run(input);
            store.insertIdempotency(new IdempotencyRecord(key, operation, fingerprint, write(response),
                    clock.instant()));
            return response;
        } finally {
            inFlight.remove(key);
        }
    }

    private String fingerprint(String operation, Arguments input) {
        Map<String, Object> arguments = new LinkedHashMap<>(input.asMap());
        arguments.remove("idempotencyKey");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((operation + "\n" + write(arguments))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a mutation response could not be written as JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String stored) {
        try {
            return json.readValue(stored, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored idempotent response could not be read", e);
        }
    }
}
