package org.kiungo.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.kiungo.peering.WebhookEvent;
import org.kiungo.peering.WebhookEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs due webhook events to the operator's URL as Rafiki does: {@code Content-Type: application/json}, the body
 * {@code {"data":...,"id":...,"type":...}} and, with a signature secret, the header
 * {@code Rafiki-Signature: t=<epoch seconds>, v1=<hex HMAC-SHA256 of "<t>.<body>">}. A 2xx answer delivers the
 * event; anything else (another status, a refused connection, a timeout) is retried with exponential back-off,
 * from {@link #BACKOFF_FIRST} doubling up to {@link #BACKOFF_MAX}, until {@link #ATTEMPTS_MAX} attempts or until
 * the event is {@link #AGE_MAX} old, when it is given up ({@code FAILED}). The state after each attempt is stored
 * before the next round, so a restart resumes where delivery stood. Delivery is at least once: a receiver that
 * answered 2xx but whose answer was lost gets the event again, with the same id.
 */
public final class WebhookDelivery implements AutoCloseable {
    /** The header that carries the signature, Rafiki's name. */
    public static final String SIGNATURE_HEADER = "Rafiki-Signature";
    /** Most attempts per event, the first included. */
    public static final int ATTEMPTS_MAX = 12;
    /** Oldest an event may be and still be tried. */
    public static final Duration AGE_MAX = Duration.ofHours(24);
    /** The wait after the first failed attempt; it doubles after each further one. */
    public static final Duration BACKOFF_FIRST = Duration.ofSeconds(1);
    /** Longest wait between two attempts. */
    public static final Duration BACKOFF_MAX = Duration.ofMinutes(10);
    /** Most events sent at once, in one round. */
    public static final int DELIVERIES_IN_FLIGHT_MAX = 8;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    private final WebhookEventStore store;
    private final URI url;
    private final Optional<RequestSignatures> signatures;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;

    /** Sends to {@code url}, signing with {@code signatureSecret} when present, each request within {@code timeout}. */
    public WebhookDelivery(WebhookEventStore store, URI url, Optional<byte[]> signatureSecret, Duration timeout,
                           Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.url = Objects.requireNonNull(url, "url");
        this.signatures = signatureSecret.map(secret -> new RequestSignatures(secret, clock));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends the events due now, at most {@link #DELIVERIES_IN_FLIGHT_MAX} at once; returns how many were sent. */
    public int deliverDue() {
        List<WebhookEvent> due = store.due(clock.instant(), DELIVERIES_IN_FLIGHT_MAX);
        List<CompletableFuture<Void>> sends = new ArrayList<>(due.size());
        for (WebhookEvent event : due) {
            sends.add(send(event).thenAccept(store::updateDelivery));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        return due.size();
    }

    private CompletableFuture<WebhookEvent> send(WebhookEvent event) {
        String body = event.body();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        // Rafiki signs webhooks with the time in seconds (its admin API signatures use milliseconds).
        signatures.ifPresent(s -> request.header(SIGNATURE_HEADER, s.sign(clock.instant().getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8))));
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure == null && response.statusCode() / 100 == 2) {
                        return event.delivered(clock.instant(), response.statusCode());
                    }
                    OptionalInt status = failure == null ? OptionalInt.of(response.statusCode()) : OptionalInt.empty();
                    // Only the failure's type: its message may quote the URL, which may carry credentials.
                    String error = failure == null ? "HTTP status " + response.statusCode()
                            : "no answer: " + rootCause(failure).getClass().getSimpleName();
                    return retryOrGiveUp(event, status, error);
                });
    }

    private WebhookEvent retryOrGiveUp(WebhookEvent event, OptionalInt status, String error) {
        Instant now = clock.instant();
        Instant next = now.plus(backoff(event.attempts() + 1));
        boolean giveUp = event.attempts() + 1 >= ATTEMPTS_MAX || next.isAfter(event.createdAt().plus(AGE_MAX));
        if (giveUp) {
            LOG.warn("webhook event {} ({}) given up after {} attempts: {}", event.id(), event.type(),
                    event.attempts() + 1, error);
        } else {
            LOG.info("webhook event {} ({}) not delivered ({}); attempt {} at {}", event.id(), event.type(), error,
                    event.attempts() + 2, next);
        }
        return event.failed(status, error, giveUp ? Optional.empty() : Optional.of(next));
    }

    /** The wait after {@code attempts} failed attempts: {@link #BACKOFF_FIRST} doubled per attempt, capped. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(attempts - 1, 30);
        Duration wait = BACKOFF_FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : wait;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Stops the client at once: called after the last round, so nothing it could still send is lost. */
    @Override
    public void close() {
        client.shutdownNow();
    }
}
