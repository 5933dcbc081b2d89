package org.kiungo.connector;

import java.util.Optional;

/**
 * Exchange rates between assets by code: a fixed table ({@link StaticRates}), a rates service
 * ({@link RatesServiceClient}), either less a spread ({@link SpreadRates}). An implementation answers promptly or
 * within a bounded wait, and says "no rate" (empty, which the packet path turns into F07) rather than hang.
 */
@FunctionalInterface
public interface RateSource {
    /** The rate from {@code sourceCode} to {@code destinationCode}, or empty when none is known. */
    Optional<ExchangeRate> rate(String sourceCode, String destinationCode);
}
