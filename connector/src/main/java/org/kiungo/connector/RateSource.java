package org.kiungo.connector;

import java.util.Optional;

/**
 * Exchange rates between assets by code. The static configuration implements it now; a source polling
 * {@code EXCHANGE_RATES_URL} will implement it next, returning its last good answer without blocking a packet.
 */
@FunctionalInterface
public interface RateSource {
    /** The rate from {@code sourceCode} to {@code destinationCode}, or empty when none is known. */
    Optional<ExchangeRate> rate(String sourceCode, String destinationCode);
}
