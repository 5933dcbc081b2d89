package org.kiungo.node;

import static org.kiungo.node.EnvironmentVariable.EXCHANGE_RATES_LIFETIME_MS;
import static org.kiungo.node.EnvironmentVariable.EXCHANGE_RATES_SPREAD_BPS;
import static org.kiungo.node.EnvironmentVariable.EXCHANGE_RATES_STATIC;
import static org.kiungo.node.EnvironmentVariable.EXCHANGE_RATES_URL;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.kiungo.connector.RateSource;
import org.kiungo.connector.RatesJson;
import org.kiungo.connector.RatesServiceClient;
import org.kiungo.connector.SpreadRates;
import org.kiungo.connector.StaticRates;

/**
 * Where the node's exchange rates come from: a rates service ({@code EXCHANGE_RATES_URL}), a fixed table
 * ({@code EXCHANGE_RATES_STATIC}), or neither, in which case packets only travel within one asset. Either source
 * is less the connector's spread ({@code EXCHANGE_RATES_SPREAD_BPS}).
 *
 * @param url      the rates service, asked {@code GET <url>?base=<code>}
 * @param table    fixed rates, for operators without a rates service
 * @param lifetime how long a table fetched from the service is fresh
 */
public record ExchangeRatesSettings(Optional<URI> url, Optional<StaticRates> table, Duration lifetime,
                                    int spreadBps) {
    public static final long LIFETIME_MS_MIN = 100;
    public static final long LIFETIME_MS_MAX = 86_400_000;
    /** The longest EXCHANGE_RATES_STATIC read: ten thousand rates fit. */
    public static final int STATIC_LENGTH_MAX = 1024 * 1024;

    /** Reads the rates variables; {@code url} is EXCHANGE_RATES_URL, read with the other URLs. */
    static ExchangeRatesSettings read(EnvironmentReader in, Optional<URI> url) {
        Duration lifetime = Duration.ofMillis(in.number(EXCHANGE_RATES_LIFETIME_MS, LIFETIME_MS_MIN,
                LIFETIME_MS_MAX));
        int spreadBps = (int) in.number(EXCHANGE_RATES_SPREAD_BPS, 0, SpreadRates.SPREAD_BPS_MAX);
        Optional<StaticRates> table = in.text(EXCHANGE_RATES_STATIC).flatMap(json -> table(in, json));
        if (in.isSet(EXCHANGE_RATES_STATIC) && in.isSet(EXCHANGE_RATES_URL)) {
            in.problem("EXCHANGE_RATES_URL and EXCHANGE_RATES_STATIC are both set: the node takes its rates from"
                    + " one source; unset one of them");
        }
        return new ExchangeRatesSettings(url, table, lifetime, spreadBps);
    }

    private static Optional<StaticRates> table(EnvironmentReader in, String json) {
        if (json.length() > STATIC_LENGTH_MAX) {
            in.problem(EXCHANGE_RATES_STATIC + " is longer than " + STATIC_LENGTH_MAX + " characters");
            return Optional.empty();
        }
        try {
            return Optional.of(RatesJson.parse(json));
        } catch (IllegalArgumentException e) {
            in.problem(EXCHANGE_RATES_STATIC + " is not a rates table like {\"base\":\"USD\",\"rates\":"
                    + "{\"EUR\":0.9}}: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The rate source these settings describe; the caller closes it, which stops a rates-service client. */
    Rates open(Clock clock) {
        if (url.isPresent()) {
            RatesServiceClient client = RatesServiceClient.start(url.get(), lifetime, clock);
            return new Rates(SpreadRates.of(client, spreadBps), client::close);
        }
        return new Rates(SpreadRates.of(table.orElseGet(StaticRates::none), spreadBps), () -> { });
    }

    /** One line for the start-up log; the URL without its user, password or query. */
    String describe() {
        String spread = spreadBps == 0 ? "no spread" : "spread " + spreadBps + " basis points";
        if (url.isPresent()) {
            return "exchange rates from " + EnvironmentReader.redacted(url.get().toString()) + " (fresh for "
                    + lifetime.toMillis() + " ms, " + spread + ")";
        }
        return table.map(rates -> "static exchange rates for " + (rates.size() - 1) + " assets against "
                + rates.base() + " (" + spread + ")")
                .orElse("no exchange rates: packets are forwarded within one asset only");
    }

    /** A rate source and what stops it. */
    record Rates(RateSource source, Runnable closer) {
        void close() {
            closer.run();
        }
    }
}
