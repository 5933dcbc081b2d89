package org.kiungo.connector;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.ledger.Unsigned64;

/**
 * Converts the amount from the sending peer's asset to the next hop's, exactly and rounded down so the sender is
 * never favoured. F07 when no rate is known, R01 when a non-zero amount converts to nothing (the sender must send
 * more), F03 when it converts to more than 64 bits can hold.
 */
public final class ExchangeRateStep implements OutgoingStep {
    private static final BigInteger AMOUNT_MAX = Unsigned64.toBigInteger(Unsigned64.MAX);

    private final IlpAddress ourAddress;
    private final RateSource rates;

    public ExchangeRateStep(IlpAddress ourAddress, RateSource rates) {
        this.ourAddress = Objects.requireNonNull(ourAddress, "ourAddress");
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    @Override
    public Reply send(OutgoingRequest request, OutgoingService next) {
        Asset source = request.from().asset();
        Asset destination = request.to().asset();
        if (source.code().equals(destination.code()) && source.scale() == destination.scale()) {
            return next.send(request);
        }
        Optional<ExchangeRate> rate = rates.rate(source.code(), destination.code());
        if (rate.isEmpty()) {
            return Reject.of(ErrorCode.F07_CANNOT_RECEIVE, ourAddress, "no exchange rate from " + source.code()
                    + " to " + destination.code());
        }
        long amount = request.incoming().amount();
        BigInteger converted = rate.get().convert(Unsigned64.toBigInteger(amount), source.scale(),
                destination.scale());
        if (converted.signum() == 0 && amount != 0) {
            return Reject.of(ErrorCode.R01_INSUFFICIENT_SOURCE_AMOUNT, ourAddress, "the packet amount is worth"
                    + " less than one unit of " + destination.code() + " at scale " + destination.scale());
        }
        if (converted.compareTo(AMOUNT_MAX) > 0) {
            return Reject.of(ErrorCode.F03_INVALID_AMOUNT, ourAddress, "the converted amount exceeds 64 bits");
        }
        return next.send(request.withOutgoing(request.outgoing().withAmount(converted.longValue())));
    }
}
