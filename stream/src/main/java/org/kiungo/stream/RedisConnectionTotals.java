package org.kiungo.stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Objects;

/**
 * Connection totals in Redis, shared by every replica: one counter per connection, {@code INCRBY} and a refreshed
 * {@code PEXPIRE} run as one script so the pair is atomic. Redis refuses an increment past 2^63-1 and leaves the
 * counter as it was, which is exactly {@link TotalsException.Reason#OVERFLOW}. Thread-safe: Lettuce multiplexes one
 * connection over all callers.
 */
public final class RedisConnectionTotals implements ConnectionTotals, AutoCloseable {
    /** The default time an idle connection's total is kept. */
    public static final Duration TTL = MemoryConnectionTotals.TTL;
    /** How long one command may take before the packet gets a temporary error instead of a late answer. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);
    /** The default prefix of every key, so the totals share a Redis database with other data safely. */
    public static final String KEY_PREFIX = "kiungo:stream:total:";

    /**
     * Lua turns integer replies into doubles, exact only up to 2^53, so the script answers with the counter as the
     * string Redis stores rather than the number INCRBY returns.
     */
    private static final String ADD_SCRIPT = "redis.call('INCRBY', KEYS[1], ARGV[1]) "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[2]) return redis.call('GET', KEYS[1])";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String keyPrefix;
    private final String ttlMillis;

    private RedisConnectionTotals(RedisClient client, StatefulRedisConnection<String, String> connection,
                                  String keyPrefix, Duration ttl) {
        this.client = client;
        this.connection = connection;
        this.keyPrefix = keyPrefix;
        this.ttlMillis = Long.toString(ttl.toMillis());
    }

    /**
     * Connects to {@code redisUrl} ({@code redis://host:port/db}, as in {@code REDIS_URL}).
     *
     * @throws TotalsException with {@link TotalsException.Reason#UNAVAILABLE} when Redis cannot be reached; the
     *     message names the host and port, never a password
     */
    public static RedisConnectionTotals connect(String redisUrl, String keyPrefix, Duration ttl,
                                                Duration commandTimeout) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(redisUrl);
        } catch (IllegalArgumentException e) {
            // The URL may hold a password, so it is not repeated.
            throw new IllegalArgumentException("the Redis URL is not of the form redis://[:password@]host:port/db");
        }
        uri.setTimeout(commandTimeout);
        RedisClient client = RedisClient.create(uri);
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            connection.setTimeout(commandTimeout);
            return new RedisConnectionTotals(client, connection, keyPrefix, ttl);
        } catch (RedisException e) {
            client.shutdown();
            throw new TotalsException(TotalsException.Reason.UNAVAILABLE, "cannot connect to Redis at "
                    + uri.getHost() + ":" + uri.getPort() + " for STREAM connection totals", e);
        }
    }

    @Override
    public long add(String connectionId, long amount) {
        Objects.requireNonNull(connectionId, "connectionId");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        try {
            String total = connection.sync().eval(ADD_SCRIPT, ScriptOutputType.VALUE,
                    new String[] {keyPrefix + connectionId}, Long.toString(amount), ttlMillis);
            return Long.parseLong(total);
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() != null && e.getMessage().contains("overflow")) {
                throw new TotalsException(TotalsException.Reason.OVERFLOW,
                        "connection total would exceed " + Long.MAX_VALUE, e);
            }
            throw new TotalsException(TotalsException.Reason.UNAVAILABLE, "Redis refused to add to a total", e);
        } catch (RedisException e) {
            throw new TotalsException(TotalsException.Reason.UNAVAILABLE, "Redis did not add to a total", e);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
