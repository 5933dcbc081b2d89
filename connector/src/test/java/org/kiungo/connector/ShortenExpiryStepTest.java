package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.NOW;
import static org.kiungo.connector.Fixtures.US;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.peer;
import static org.kiungo.connector.Fixtures.prepare;
import static org.kiungo.connector.Fixtures.reject;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.ledger.MutableClock;

class ShortenExpiryStepTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final ShortenExpiryStep step = new ShortenExpiryStep(ConnectorSettings.defaults(US), clock);
    private final AtomicReference<OutgoingRequest> sent = new AtomicReference<>();

    private Reply send(Instant expiresAt) {
        Prepare prepare = prepare(5, "test.b", expiresAt);
        return step.send(new OutgoingRequest(peer("a", "test.a", USD), prepare, peer("b", "test.b", USD), prepare),
                request -> {
                    sent.set(request);
                    return Fixtures.fulfill();
                });
    }

    @Test
    void shouldExpireTheOutgoingPacketOneMessageWindowEarlier() {
        send(NOW.plusSeconds(10));

        assertThat(sent.get().outgoing().expiresAt()).isEqualTo(NOW.plusSeconds(9));
        assertThat(sent.get().incoming().expiresAt()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void shouldRejectWithR02WhenNoTimeIsLeft() {
        assertThat(reject(send(NOW.plusSeconds(1))).code()).isEqualTo(ErrorCode.R02_INSUFFICIENT_TIMEOUT);
        assertThat(sent.get()).isNull();
        send(NOW.plusSeconds(1).plusMillis(1));
        assertThat(sent.get().outgoing().expiresAt()).isEqualTo(NOW.plusMillis(1));
    }
}
