package org.kiungo.connector;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchange rates from a rates service in Rafiki's shape: {@code GET <url>?base=USD} answers
 * {@code {"base": "USD", "rates": {"EUR": 0.9}}}. A packet from an asset is priced with the table fetched for
 * that asset's code as base, so the rate is the service's own figure, not a cross rate.
 *
 * <p>Cache policy, per base: a table is fresh for {@code lifetime}. After that the next packet starts one refresh
 * in the background and is still priced from the old table, which keeps serving until it is twice the lifetime
 * old; an older table is never used. Without a usable table a packet waits for a fetch (at most
 * {@link #FETCH_TIMEOUT_MS}, shared by every packet needing the same base) and gets no rate (F07) if it fails.
 * After a failed fetch the base is not fetched again for {@link #FAILURE_HOLD_MS}, so a dead service costs
 * packets an immediate F07, not a timeout each.
 */
public final class RatesServiceClient implements RateSource, AutoCloseable {
    /** The largest answer read: ten thousand rates with long codes fit with room to spare. */
    public static final int RESPONSE_BODY_LENGTH_MAX = 1024 * 1024;
    /** The longest one fetch may take, connection included. */
    public static final long FETCH_TIMEOUT_MS = 2_000;
    /** The most base assets cached (each asset the node holds is one); the oldest table makes room. */
    public static final int BASES_MAX = 256;
    /** How long a failed fetch keeps its base from being fetched again. */
    public static final long FAILURE_HOLD_MS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(RatesServiceClient.class);

    private final URI url;
    private final Duration lifetime;
    private final Clock clock;
    private final HttpClient client;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final Map<String, Instant> failures = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<StaticRates>> fetches = new ConcurrentHashMap<>();

    private record Table(StaticRates rates, Instant fetchedAt) {
    }

    private RatesServiceClient(URI url, Duration lifetime, Clock clock, HttpClient client) {
        this.url = url;
        this.lifetime = lifetime;
        this.clock = clock;
        this.client = client;
    }

    /** A client of the rates service at {@code url} whose tables are fresh for {@code lifetime}. */
    public static RatesServiceClient start(URI url, Duration lifetime, Clock clock) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(clock, "clock");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("the lifetime of exchange rates must be positive");
        }
        HttpClient client = new HttpClient();
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        client.setConnectTimeout(FETCH_TIMEOUT_MS);
        client.setMaxConnectionsPerDestination(BASES_MAX);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the exchange rates client", e);
        }
        return new RatesServiceClient(url, lifetime, clock, client);
    }

    @Override
    public Optional<ExchangeRate> rate(String sourceCode, String destinationCode) {
        if (sourceCode.equals(destinationCode)) {
            return Optional.of(ExchangeRate.ONE);
        }
        return table(sourceCode).flatMap(rates -> rates.rate(sourceCode, destinationCode));
    }

    private Optional<StaticRates> table(String base) {
        Instant now = clock.instant();
        Table table = tables.get(base);
        if (table != null) {
            Duration age = Duration.between(table.fetchedAt(), now);
            if (age.compareTo(lifetime) < 0) {
                return Optional.of(table.rates());
            }
            if (age.compareTo(lifetime.multipliedBy(2)) < 0) {
                if (!recentlyFailed(base, now)) {
                    fetch(base);
                }
                return Optional.of(table.rates());
            }
        }
        return recentlyFailed(base, now) ? Optional.empty() : await(fetch(base));
    }

    /** The fetch for {@code base} in flight, or null: lets a test wait for a background refresh. */
    CompletableFuture<StaticRates> fetching(String base) {
        return fetches.get(base);
    }

    /** The fetch for {@code base} in flight, started now unless one is running already. */
    private CompletableFuture<StaticRates> fetch(String base) {
        CompletableFuture<StaticRates> mine = new CompletableFuture<>();
        CompletableFuture<StaticRates> running = fetches.putIfAbsent(base, mine);
        if (running != null) {
            return running;
        }
        request(base).whenComplete((rates, failure) -> {
            Instant at = clock.instant();
            if (failure == null) {
                remember(base, new Table(rates, at));
                failures.remove(base);
            } else {
                LOG.warn("exchange rates for base {} could not be fetched from {}://{}{}: {}", base, url.getScheme(),
                        url.getAuthority().replaceFirst(".*@", ""), url.getRawPath(), why(failure));
                if (failures.size() >= BASES_MAX) {
                    failures.clear();
                }
                failures.put(base, at);
            }
            fetches.remove(base, mine);
            if (failure == null) {
                mine.complete(rates);
            } else {
                mine.completeExceptionally(failure);
            }
        });
        return mine;
    }

    private CompletableFuture<StaticRates> request(String base) {
        String query = "base=" + URLEncoder.encode(base, StandardCharsets.UTF_8);
        String raw = url.toString();
        URI uri = URI.create(raw + (url.getRawQuery() == null ? "?" : "&") + query);
        Request request = client.newRequest(uri)
                .headers(headers -> headers.put(HttpHeader.ACCEPT, "application/json"))
                .timeout(FETCH_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return new CompletableResponseListener(request, RESPONSE_BODY_LENGTH_MAX).send()
                .thenApply(response -> parse(base, response));
    }

    private static StaticRates parse(String base, ContentResponse response) {
        if (response.getStatus() != HttpStatus.OK_200) {
            throw new IllegalStateException("HTTP " + response.getStatus());
        }
        StaticRates rates = RatesJson.parse(new String(response.getContent(), StandardCharsets.UTF_8));
        if (!rates.base().equals(base)) {
            throw new IllegalStateException("the answer is for base " + rates.base());
        }
        return rates;
    }

    private void remember(String base, Table table) {
        if (!tables.containsKey(base) && tables.size() >= BASES_MAX) {
            tables.entrySet().stream().min(Comparator.comparing(entry -> entry.getValue().fetchedAt()))
                    .ifPresent(oldest -> tables.remove(oldest.getKey()));
        }
        tables.put(base, table);
    }

    private boolean recentlyFailed(String base, Instant now) {
        Instant failedAt = failures.get(base);
        return failedAt != null && Duration.between(failedAt, now).toMillis() < FAILURE_HOLD_MS;
    }

    private static Optional<StaticRates> await(CompletableFuture<StaticRates> fetch) {
        try {
            // The request has its own timeout; this one only guards against a listener that never completes.
            return Optional.of(fetch.get(FETCH_TIMEOUT_MS * 2, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    private static String why(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        boolean ours = cause instanceof IllegalArgumentException || cause instanceof IllegalStateException;
        // Our own messages say what was wrong with the answer; a transport failure is named by its type.
        return ours ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            LOG.warn("the exchange rates client did not stop cleanly: {}", e.getClass().getSimpleName());
        }
    }
}
