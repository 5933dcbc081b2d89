package org.kiungo.peering;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * An event for the operator's webhook and its delivery so far. {@code data} is the event's JSON object, written
 * with its keys in order and without spaces, so {@link #body()} is already the canonical JSON that a receiver
 * checking Rafiki's signature recomputes.
 *
 * @param nextAttemptAt when to try (again); empty once delivered or given up
 * @param lastStatus    the HTTP status of the last attempt, empty when it got none (refused, timed out)
 * @param lastError     why the last attempt failed, without secrets
 */
public record WebhookEvent(UUID id, String type, String data, Instant createdAt, int attempts,
                           Optional<Instant> nextAttemptAt, Optional<Instant> deliveredAt, OptionalInt lastStatus,
                           Optional<String> lastError) {
    /** The longest error kept with an event (the column's width). */
    public static final int ERROR_LENGTH_MAX = 500;

    /** Where an event's delivery stands. */
    public enum State {
        /** Not delivered yet; {@link #nextAttemptAt()} says when it is tried (again). */
        PENDING,
        /** The webhook answered 2xx. */
        DELIVERED,
        /** Given up: every attempt allowed failed, or the event grew too old. */
        FAILED
    }

    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** A new event, due at once. */
    public static WebhookEvent raised(String type, String data, Instant now) {
        return new WebhookEvent(UUID.randomUUID(), type, data, now, 0, Optional.of(now), Optional.empty(),
                OptionalInt.empty(), Optional.empty());
    }

    public State state() {
        if (deliveredAt.isPresent()) {
            return State.DELIVERED;
        }
        return nextAttemptAt.isPresent() ? State.PENDING : State.FAILED;
    }

    /** What is POSTed: {@code {"data":...,"id":...,"type":...}}, keys in canonical order. */
    public String body() {
        return "{\"data\":" + data + ",\"id\":\"" + id + "\",\"type\":" + Json.string(type) + "}";
    }

    /** This event after a 2xx answer. */
    public WebhookEvent delivered(Instant at, int status) {
        return new WebhookEvent(id, type, data, createdAt, attempts + 1, Optional.empty(), Optional.of(at),
                OptionalInt.of(status), Optional.empty());
    }

    /** This event after a failed attempt, to be tried at {@code next} or, when empty, given up. */
    public WebhookEvent failed(OptionalInt status, String error, Optional<Instant> next) {
        String shortError = error.length() <= ERROR_LENGTH_MAX ? error : error.substring(0, ERROR_LENGTH_MAX);
        return new WebhookEvent(id, type, data, createdAt, attempts + 1, next, Optional.empty(), status,
                Optional.of(shortError));
    }
}
