package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kiungo.ledger.MutableClock;

/** A real rates service over HTTP on a free port; time moves only when the test moves the clock. */
class RatesServiceClientTest {
    private static final Duration LIFETIME = Duration.ofSeconds(15);
    private static final String USD_TABLE = "{\"base\":\"$base\",\"rates\":{\"EUR\":0.9}}";

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private RatesServer service;
    private RatesServiceClient client;

    @BeforeEach
    void start() throws Exception {
        service = new RatesServer();
        service.answer(200, USD_TABLE);
        client = RatesServiceClient.start(service.url(), LIFETIME, clock);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        service.close();
    }

    private BigInteger eurosForTenDollars() {
        return client.rate("USD", "EUR").orElseThrow().convert(BigInteger.TEN, 0, 0);
    }

    private void awaitRefresh() {
        CompletableFuture<StaticRates> refresh = client.fetching("USD");
        if (refresh != null) {
            refresh.handle((rates, failure) -> rates).join();
        }
    }

    @Test
    void shouldFetchTheTableForTheSourceAssetOnceWithinItsLifetime() {
        assertThat(eurosForTenDollars()).isEqualTo(9);
        clock.advance(LIFETIME.minusMillis(1));
        assertThat(eurosForTenDollars()).isEqualTo(9);

        assertThat(service.requests("USD")).isEqualTo(1);
    }

    @Test
    void shouldServeAStaleTableWhileOneRefreshRunsThenTheNewOne() {
        eurosForTenDollars();
        service.answer(200, "{\"base\":\"$base\",\"rates\":{\"EUR\":0.8}}");
        clock.advance(LIFETIME);

        assertThat(eurosForTenDollars()).isEqualTo(9);
        awaitRefresh();
        assertThat(eurosForTenDollars()).isEqualTo(8);
        assertThat(service.requests("USD")).isEqualTo(2);
    }

    @Test
    void shouldNeverUseATableTwiceItsLifetimeOld() {
        eurosForTenDollars();
        service.answer(503, "busy");
        clock.advance(LIFETIME.multipliedBy(2));

        assertThat(client.rate("USD", "EUR")).isEmpty();
        assertThat(service.requests("USD")).isEqualTo(2);
    }

    @Test
    void shouldKeepServingTheStaleTableWhenItsRefreshFails() {
        eurosForTenDollars();
        service.answer(500, "oops");
        clock.advance(LIFETIME.plusSeconds(1));
        eurosForTenDollars();
        awaitRefresh();

        assertThat(eurosForTenDollars()).isEqualTo(9);
        assertThat(service.requests("USD")).isEqualTo(2);
    }

    @Test
    void shouldGiveNoRateWhenTheServiceFailsAndNotAskAgainAtOnce() {
        service.answer(500, "oops");

        assertThat(client.rate("USD", "EUR")).isEmpty();
        assertThat(client.rate("USD", "EUR")).isEmpty();
        assertThat(service.requests("USD")).isEqualTo(1);

        service.answer(200, USD_TABLE);
        clock.advance(Duration.ofMillis(RatesServiceClient.FAILURE_HOLD_MS));
        assertThat(eurosForTenDollars()).isEqualTo(9);
        assertThat(service.requests("USD")).isEqualTo(2);
    }

    @Test
    void shouldGiveNoRateForAnUnknownCurrencyOrABadAnswer() {
        assertThat(client.rate("USD", "GBP")).isEmpty();

        service.answer(200, "{\"base\":\"$base\",\"rates\":{\"GBP\":0}}");
        assertThat(client.rate("EUR", "GBP")).isEmpty();
        service.answer(200, "{\"base\":\"USD\",\"rates\":{\"GBP\":0.7}}");
        assertThat(client.rate("CHF", "GBP")).isEmpty();
        service.answer(200, "{\"base\":\"$base\",\"rates\":{\"GBP\":" + "1".repeat(40) + ",\"pad\":\""
                + "x".repeat(RatesServiceClient.RESPONSE_BODY_LENGTH_MAX) + "\"}}");
        assertThat(client.rate("JPY", "GBP")).isEmpty();
    }

    @Test
    void shouldAddTheBaseToAQueryTheUrlHasAlready() {
        try (RatesServiceClient keyed = RatesServiceClient.start(URI.create(service.url() + "?key=k%20y"),
                LIFETIME, clock)) {
            assertThat(keyed.rate("CHF", "EUR").orElseThrow().convert(BigInteger.TEN, 0, 0)).isEqualTo(9);
        }
        assertThat(service.requests("CHF")).isEqualTo(1);
    }

    @Test
    void shouldNotAskForTheSameAsset() {
        assertThat(client.rate("USD", "USD")).contains(ExchangeRate.ONE);
        assertThat(service.requests("USD")).isZero();
    }

    @Test
    void shouldGiveNoRateWhenTheServiceDoesNotAnswerInTime() {
        service.hang();

        assertThat(client.rate("USD", "EUR")).isEmpty();
        assertThat(service.requests("USD")).isEqualTo(1);
    }

    @Test
    void shouldGiveNoRateWhenNothingListens() throws Exception {
        URI url = service.url();
        service.close();
        try (RatesServiceClient orphan = RatesServiceClient.start(url, LIFETIME, clock)) {
            assertThat(orphan.rate("USD", "EUR")).isEmpty();
        }
    }
}
