package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.NOW;
import static org.kiungo.connector.Fixtures.US;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.peer;
import static org.kiungo.connector.Fixtures.prepare;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.ledger.MutableClock;

class RateLimitStepTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final RateLimitStep step = new RateLimitStep(US, clock);
    private final Peer limited = peer("a", "test.a", USD).withRateLimit(new RateLimit(10, 3));

    private Reply handle(Peer from) {
        return step.handle(new IncomingRequest(from, prepare(1, "test.b")), request -> Fixtures.fulfill());
    }

    @Test
    void shouldAllowABurstThenRejectWithT05() {
        assertThat(handle(limited)).isInstanceOf(Fulfill.class);
        assertThat(handle(limited)).isInstanceOf(Fulfill.class);
        assertThat(handle(limited)).isInstanceOf(Fulfill.class);

        Reply fourth = handle(limited);
        assertThat(fourth).isInstanceOf(Reject.class);
        assertThat(((Reject) fourth).code()).isEqualTo(ErrorCode.T05_RATE_LIMITED);
        assertThat(((Reject) fourth).triggeredBy()).isEqualTo(US.value());
    }

    @Test
    void shouldRefillAtTheConfiguredRate() {
        for (int i = 0; i < 3; i++) {
            handle(limited);
        }
        clock.advance(Duration.ofMillis(99));
        assertThat(handle(limited)).isInstanceOf(Reject.class);

        clock.advance(Duration.ofMillis(1));
        assertThat(handle(limited)).isInstanceOf(Fulfill.class);
        assertThat(handle(limited)).isInstanceOf(Reject.class);

        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            assertThat(handle(limited)).isInstanceOf(Fulfill.class);
        }
        assertThat(handle(limited)).isInstanceOf(Reject.class);
    }

    @Test
    void shouldKeepOneBucketPerPeer() {
        Peer other = peer("b", "test.b", USD).withRateLimit(new RateLimit(10, 1));
        for (int i = 0; i < 3; i++) {
            handle(limited);
        }

        assertThat(handle(other)).isInstanceOf(Fulfill.class);
        assertThat(handle(other)).isInstanceOf(Reject.class);
    }

    @Test
    void shouldApplyAChangedLimitWithTheNextPacket() {
        for (int i = 0; i < 3; i++) {
            handle(limited);
        }
        assertThat(handle(limited)).isInstanceOf(Reject.class);

        assertThat(handle(limited.withRateLimit(new RateLimit(100, 5)))).isInstanceOf(Fulfill.class);
    }

    @Test
    void shouldNeverLimitAnUnlimitedPeer() {
        Peer unlimited = peer("u", "test.u", USD);
        for (int i = 0; i < 10_000; i++) {
            assertThat(handle(unlimited)).isInstanceOf(Fulfill.class);
        }
    }
}
