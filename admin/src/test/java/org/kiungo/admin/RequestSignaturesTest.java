package org.kiungo.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kiungo.admin.RequestSignatures.Refusal;

/** Signature checks against a fake clock: the time window's edges, replays, their expiry and the cache limit. */
final class RequestSignaturesTest {
    private static final byte[] BODY = "{\"query\": \"{ assets { edges { cursor } } }\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final long TTL_MS = RequestSignatures.TTL.toMillis();

    /** A clock that moves only when told to. */
    private static final class FakeClock extends Clock {
        private long nowMs = 1_700_000_000_000L;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMs);
        }
    }

    private final FakeClock clock = new FakeClock();
    private final RequestSignatures signatures = new RequestSignatures("secret".getBytes(StandardCharsets.UTF_8),
            clock);

    private Optional<Refusal> check(long timeMs) {
        return signatures.check(signatures.sign(timeMs, BODY), BODY);
    }

    @Test
    void shouldAcceptASignatureAtEitherEdgeOfTheWindowAndRefuseOneJustOutside() {
        assertThat(check(clock.nowMs - TTL_MS)).isEmpty();
        assertThat(check(clock.nowMs + TTL_MS)).isEmpty();
        assertThat(check(clock.nowMs - TTL_MS - 1)).contains(Refusal.EXPIRED);
        assertThat(check(clock.nowMs + TTL_MS + 1)).contains(Refusal.EXPIRED);
    }

    @Test
    void shouldRefuseAReplayUntilTheSignatureHasExpired() {
        String signature = signatures.sign(clock.nowMs, BODY);
        assertThat(signatures.check(signature, BODY)).isEmpty();

        assertThat(signatures.check(signature, BODY)).contains(Refusal.REPLAYED);
        clock.nowMs += TTL_MS + 1;
        assertThat(signatures.check(signature, BODY)).contains(Refusal.EXPIRED);
    }

    @Test
    void shouldRefuseMissingMalformedAndWrongHeaders() {
        String signature = signatures.sign(clock.nowMs, BODY);

        assertThat(signatures.check(null, BODY)).contains(Refusal.MISSING);
        assertThat(signatures.check(" ", BODY)).contains(Refusal.MISSING);
        assertThat(signatures.check("t=1", BODY)).contains(Refusal.MALFORMED);
        assertThat(signatures.check(signature + "00", BODY)).contains(Refusal.MALFORMED);
        assertThat(signatures.check(signature + " ".repeat(RequestSignatures.HEADER_LENGTH_MAX), BODY))
                .contains(Refusal.MALFORMED);
        assertThat(signatures.check(signature.replace("t=", "t=1"), BODY)).contains(Refusal.WRONG);
        assertThat(signatures.check(signature, new byte[0])).contains(Refusal.WRONG);
        assertThat(signatures.check(signature, BODY)).isEmpty();
    }

    @Test
    void shouldRefuseNewSignaturesWhenTheReplayCacheIsFullUntilOldOnesExpire() {
        for (int i = 0; i < RequestSignatures.SEEN_SIGNATURES_MAX; i++) {
            byte[] body = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
            assertThat(signatures.check(signatures.sign(clock.nowMs, body), body)).isEmpty();
        }

        assertThat(check(clock.nowMs)).contains(Refusal.TOO_MANY);
        clock.nowMs += TTL_MS + 1;
        assertThat(check(clock.nowMs)).isEmpty();
    }
}
