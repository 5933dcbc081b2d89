package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.EUR;
import static org.kiungo.connector.Fixtures.US;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.peer;
import static org.kiungo.connector.Fixtures.prepare;
import static org.kiungo.connector.Fixtures.reject;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;

class ExchangeRateStepTest {
    private final AtomicReference<OutgoingRequest> sent = new AtomicReference<>();
    private final ExchangeRateStep step = new ExchangeRateStep(US, new StaticRates("USD",
            Map.of("EUR", new BigDecimal("0.9"), "JPY", new BigDecimal("150"))));

    private Reply send(Asset from, Asset to, long amount) {
        Prepare prepare = prepare(amount, "test.b");
        return step.send(new OutgoingRequest(peer("a", "test.a", from), prepare, peer("b", "test.b", to), prepare),
                request -> {
                    sent.set(request);
                    return Fixtures.fulfill();
                });
    }

    @Test
    void shouldKeepTheAmountWithinOneAsset() {
        send(USD, USD, 1234);

        assertThat(sent.get().outgoing().amount()).isEqualTo(1234);
    }

    @Test
    void shouldConvertAcrossAssetsAndScalesRoundingDown() {
        send(USD, EUR, 1234);
        assertThat(sent.get().outgoing().amount()).isEqualTo(11_106_000);
        assertThat(sent.get().incoming().amount()).isEqualTo(1234);

        send(new Asset("EUR", 0, 2), USD, 1);
        assertThat(sent.get().outgoing().amount()).isEqualTo(111);
    }

    @Test
    void shouldRejectAnAmountThatConvertsToNothingWithR01() {
        Reply reply = send(USD, new Asset("EUR", 2, 2), 1);

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.R01_INSUFFICIENT_SOURCE_AMOUNT);
        assertThat(reject(reply).triggeredBy()).isEqualTo(US.value());
        assertThat(sent.get()).isNull();
    }

    @Test
    void shouldPassAZeroAmountRateProbe() {
        send(USD, EUR, 0);

        assertThat(sent.get().outgoing().amount()).isZero();
    }

    @Test
    void shouldRejectAnUnknownRateWithF07() {
        assertThat(reject(send(USD, new Asset("GBP", 2, 3), 100)).code()).isEqualTo(ErrorCode.F07_CANNOT_RECEIVE);
    }

    @Test
    void shouldRejectAConversionBeyond64BitsWithF03() {
        assertThat(reject(send(USD, new Asset("JPY", 0, 3), -1L)).code()).isEqualTo(ErrorCode.F03_INVALID_AMOUNT);
    }
}
