package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.NOW;
import static org.kiungo.connector.Fixtures.US;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.peer;
import static org.kiungo.connector.Fixtures.prepare;
import static org.kiungo.connector.Fixtures.reject;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.ledger.MutableClock;

class ExpiryStepTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final ExpiryStep step = new ExpiryStep(ConnectorSettings.defaults(US), clock);
    private final AtomicReference<Prepare> passed = new AtomicReference<>();

    private Reply handle(Instant expiresAt) {
        return step.handle(new IncomingRequest(peer("a", "test.a", USD), prepare(5, "test.b", expiresAt)),
                request -> {
                    passed.set(request.prepare());
                    return Fixtures.fulfill();
                });
    }

    @Test
    void shouldRejectAnExpiredPacketWithR00() {
        assertThat(reject(handle(NOW.minusMillis(1))).code()).isEqualTo(ErrorCode.R00_TRANSFER_TIMED_OUT);
        assertThat(reject(handle(NOW)).code()).isEqualTo(ErrorCode.R00_TRANSFER_TIMED_OUT);
        assertThat(reject(handle(NOW)).triggeredBy()).isEqualTo(US.value());
        assertThat(passed.get()).isNull();
    }

    @Test
    void shouldRejectAPacketWithLessThanTheMinimumWindowWithR02() {
        assertThat(reject(handle(NOW.plusMillis(1))).code()).isEqualTo(ErrorCode.R02_INSUFFICIENT_TIMEOUT);
        assertThat(reject(handle(NOW.plusMillis(1_999))).code()).isEqualTo(ErrorCode.R02_INSUFFICIENT_TIMEOUT);
        assertThat(passed.get()).isNull();
    }

    @Test
    void shouldPassAPacketWithExactlyTheMinimumWindowUnchanged() {
        handle(NOW.plusSeconds(2));

        assertThat(passed.get().expiresAt()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void shouldKeepAnExpiryAtTheMaximumHoldTimeAndClampOneBeyondIt() {
        handle(NOW.plusSeconds(30));
        assertThat(passed.get().expiresAt()).isEqualTo(NOW.plusSeconds(30));

        handle(NOW.plusSeconds(30).plusMillis(1));
        assertThat(passed.get().expiresAt()).isEqualTo(NOW.plusSeconds(30));

        handle(NOW.plus(Duration.ofDays(365)));
        assertThat(passed.get().expiresAt()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void shouldReadTimeFromTheInjectedClock() {
        clock.advance(Duration.ofSeconds(9));

        assertThat(reject(handle(NOW.plusSeconds(10))).code()).isEqualTo(ErrorCode.R02_INSUFFICIENT_TIMEOUT);
    }
}
