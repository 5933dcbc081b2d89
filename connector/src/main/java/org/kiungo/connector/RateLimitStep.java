package org.kiungo.connector;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Limits how fast each peer may send us packets, with a token bucket per peer sized by the peer's
 * {@link RateLimit}; beyond it the peer gets T05 and may retry. A changed limit takes effect with the next packet,
 * and a removed peer's bucket is dropped.
 */
public final class RateLimitStep implements IncomingStep, PeerDirectory.Listener {
    /** Most buckets held; one per peer, so the peer directory's own limit bounds it first. */
    public static final int BUCKETS_MAX = InMemoryPeerDirectory.PEERS_MAX;

    private final IlpAddress ourAddress;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimitStep(IlpAddress ourAddress, Clock clock) {
        this.ourAddress = Objects.requireNonNull(ourAddress, "ourAddress");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Reply handle(IncomingRequest request, IncomingService next) {
        RateLimit limit = request.from().rateLimit();
        if (limit.isUnlimited()) {
            return next.handle(request);
        }
        if (!buckets.containsKey(request.from().id()) && buckets.size() >= BUCKETS_MAX) {
            return Reject.of(ErrorCode.T03_CONNECTOR_BUSY, ourAddress, "too many rate-limited peers");
        }
        TokenBucket bucket = buckets.compute(request.from().id(),
                (id, old) -> old == null || !old.limit().equals(limit) ? new TokenBucket(limit) : old);
        Instant now = clock.instant();
        if (!bucket.tryTake(now.getEpochSecond() * 1_000_000_000L + now.getNano())) {
            return Reject.of(ErrorCode.T05_RATE_LIMITED, ourAddress, "more than " + limit.packetsPerSecond()
                    + " packets per second; retry later");
        }
        return next.handle(request);
    }

    @Override
    public void removed(Peer peer) {
        buckets.remove(peer.id());
    }
}
