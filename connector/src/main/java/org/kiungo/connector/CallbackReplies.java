package org.kiungo.connector;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of RFC 35's asynchronous mode. A peer's Prepare that carries a Callback-Url and a Request-Id is
 * accepted at once (the handler answers 202), handled on a virtual thread of its own, and its reply POSTed to the
 * callback with the same Request-Id and the token the peer expects from us. A 5xx or no response is retried with
 * doubling delays until the Prepare expires; a 2xx or a 4xx ends the delivery, as the RFC says.
 *
 * <p>The callback URL must be on the host of the peer's own configured endpoint, so that holding a peer's token
 * is not enough to make the node POST to any address it can reach. A Prepare sent again under a Request-Id we
 * have seen from that peer before it expired (a peer that missed our 202 and retries) is answered 202 and not
 * handled twice, so its money never moves twice.
 */
public final class CallbackReplies implements AutoCloseable {
    /** Prepares being handled or their replies delivered at once; beyond it a request is refused with 503. */
    public static final int IN_FLIGHT_MAX = 10_000;
    /** The delay after the first failed delivery; each later one doubles, up to {@link #RETRY_DELAY_MS_MAX}. */
    public static final long RETRY_DELAY_MS_FIRST = 25;
    public static final long RETRY_DELAY_MS_MAX = 1_000;
    /** Delivery attempts per reply, however long the Prepare lives. */
    public static final int ATTEMPTS_MAX = 30;
    /** The longest one attempt waits for the peer's response. */
    public static final long ATTEMPT_TIMEOUT_MS_MAX = 1_000;
    /** Request-Ids remembered until their Prepares expire; beyond it new requests are refused with 503. */
    public static final int REQUEST_IDS_MAX = 100_000;
    /** How long closing waits for replies still in flight. */
    public static final long CLOSE_WAIT_MS = 5_000;
    /** The longest callback URL accepted. */
    public static final int CALLBACK_URL_LENGTH_MAX = 2_048;

    private static final Logger LOG = LoggerFactory.getLogger(CallbackReplies.class);

    private final PeerDirectory peers;
    private final IlpOverHttpClient client;
    private final Clock clock;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT_MAX);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /** Why a Prepare was not accepted for a reply by callback: the HTTP status and a short text. */
    public record Refusal(int status, String message) {
    }

    public CallbackReplies(PeerDirectory peers, IlpOverHttpClient client, Clock clock) {
        this.peers = Objects.requireNonNull(peers, "peers");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Accepts peer {@code peerId}'s {@code prepare} for a reply by callback: {@code handle} answers it later, on
     * another thread, and the answer goes to {@code callbackUrl}. Empty when accepted; a refusal otherwise.
     */
    public Optional<Refusal> accept(String peerId, Prepare prepare, UUID requestId, String callbackUrl,
                                    Function<Prepare, Reply> handle) {
        Optional<HttpLink> link = peers.peer(peerId).flatMap(Peer::link);
        if (link.isEmpty()) {
            return Optional.of(new Refusal(400, "we have no endpoint of yours to reply to"));
        }
        Optional<URI> callback = callback(callbackUrl, link.get());
        if (callback.isEmpty()) {
            return Optional.of(new Refusal(400, "Callback-Url must be an http(s) URL on the host of your endpoint"));
        }
        Optional<Boolean> first = firstTime(peerId + " " + requestId, prepare.expiresAt());
        if (first.isEmpty()) {
            return Optional.of(new Refusal(503, "too many packets in flight; retry later"));
        }
        if (!first.get()) {
            return Optional.empty();
        }
        if (!inFlight.tryAcquire()) {
            seen.remove(peerId + " " + requestId);
            return Optional.of(new Refusal(503, "too many packets in flight; retry later"));
        }
        String token = link.get().outgoingToken();
        try {
            threads.execute(() -> {
                try {
                    deliver(peerId, callback.get(), token, requestId, handle.apply(prepare), prepare.expiresAt());
                } finally {
                    inFlight.release();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.release();
            return Optional.of(new Refusal(503, "shutting down"));
        }
        return Optional.empty();
    }

    /** Whether {@code key} is new (and now remembered), or empty when no more can be remembered. */
    private Optional<Boolean> firstTime(String key, Instant expiresAt) {
        if (seen.size() >= REQUEST_IDS_MAX) {
            Instant now = clock.instant();
            seen.values().removeIf(expiry -> expiry.isBefore(now));
            if (seen.size() >= REQUEST_IDS_MAX) {
                return Optional.empty();
            }
        }
        return Optional.of(seen.putIfAbsent(key, expiresAt) == null);
    }

    private static Optional<URI> callback(String callbackUrl, HttpLink link) {
        if (callbackUrl.length() > CALLBACK_URL_LENGTH_MAX) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(callbackUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http") || scheme.equals("https");
            boolean sameHost = uri.getHost() != null && uri.getHost().equalsIgnoreCase(link.endpoint().getHost());
            return http && sameHost && uri.getRawUserInfo() == null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private void deliver(String peerId, URI callback, String token, UUID requestId, Reply reply,
                         Instant expiresAt) {
        long delayMs = RETRY_DELAY_MS_FIRST;
        for (int attempt = 1; attempt <= ATTEMPTS_MAX; attempt++) {
            long leftMs = Duration.between(clock.instant(), expiresAt).toMillis();
            if (leftMs <= 0) {
                break;
            }
            int status = client.postReply(callback, token, requestId, reply, Math.min(leftMs,
                    ATTEMPT_TIMEOUT_MS_MAX));
            if (status >= 200 && status < 500) {
                if (status >= 300) {
                    LOG.debug("peer {} refused the reply to its Prepare with HTTP {}", peerId, status);
                }
                return;
            }
            try {
                Thread.sleep(Math.min(delayMs, leftMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            delayMs = Math.min(delayMs * 2, RETRY_DELAY_MS_MAX);
        }
        LOG.warn("the reply to a Prepare from peer {} was not delivered to its callback before it expired", peerId);
    }

    /**
     * Lets packets in flight finish and their replies go out for up to {@link #CLOSE_WAIT_MS}, then abandons the
     * rest, whose Prepares expire at the peer anyway.
     */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
    }
}
