package org.kiungo.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract against a real Redis ({@code REDIS_URL}, default {@code redis://127.0.0.1:6379}). Each test uses its
 * own key prefix and deletes its keys; without a reachable Redis these tests fail, they are never skipped.
 */
class RedisConnectionTotalsTest extends ConnectionTotalsContract {
    static final String REDIS_URL = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");

    private final String prefix = "kiungo-test:" + UUID.randomUUID() + ":";
    private RedisConnectionTotals totals;

    @BeforeEach
    void connect() {
        try {
            totals = RedisConnectionTotals.connect(REDIS_URL, prefix, Duration.ofMinutes(5), Duration.ofSeconds(5));
        } catch (TotalsException e) {
            fail("these tests need a Redis server at " + REDIS_URL + " (set REDIS_URL to use another): "
                    + e.getMessage(), e);
        }
    }

    @AfterEach
    void deleteKeysAndClose() {
        if (totals == null) {
            return;
        }
        totals.close();
        try (Admin admin = new Admin()) {
            List<String> keys = admin.connection.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                admin.connection.sync().del(keys.toArray(String[]::new));
            }
        }
    }

    @Override
    ConnectionTotals totals() {
        return totals;
    }

    @Test
    void shouldGiveEachCounterTheTimeToLiveAgainAfterEveryAddition() {
        totals.add("c1", 5);

        try (Admin admin = new Admin()) {
            long ttlMillis = admin.connection.sync().pttl(prefix + "c1");
            assertThat(ttlMillis).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5).toMillis());
            assertThat(admin.connection.sync().get(prefix + "c1")).isEqualTo("5");
        }
    }

    @Test
    void shouldShareTotalsBetweenTwoReplicas() {
        try (RedisConnectionTotals other = RedisConnectionTotals.connect(REDIS_URL, prefix, Duration.ofMinutes(5),
                Duration.ofSeconds(5))) {
            totals.add("c1", 5);

            assertThat(other.add("c1", 6)).isEqualTo(11);
        }
    }

    @Test
    void shouldSayClearlyWhenRedisCannotBeReached() {
        assertThatThrownBy(() -> RedisConnectionTotals.connect("redis://127.0.0.1:1", prefix, Duration.ofMinutes(1),
                Duration.ofMillis(500))).isInstanceOfSatisfying(TotalsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(TotalsException.Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("cannot connect to Redis at 127.0.0.1:1");
                });
    }

    /** A plain connection for checking and cleaning up keys behind the store's back. */
    private static final class Admin implements AutoCloseable {
        final RedisClient client = RedisClient.create(REDIS_URL);
        final StatefulRedisConnection<String, String> connection = client.connect();

        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }
}
