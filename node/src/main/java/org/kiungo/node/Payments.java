package org.kiungo.node;

import java.net.http.HttpClient;
import java.time.Clock;
import org.kiungo.connector.LocalReceivers;
import org.kiungo.connector.PacketHandler;
import org.kiungo.peering.Wallets;
import org.kiungo.stream.ConnectionTotals;
import org.kiungo.stream.MemoryConnectionTotals;
import org.kiungo.stream.RedisConnectionTotals;
import org.kiungo.stream.SenderConfig;
import org.kiungo.stream.SpspClient;
import org.kiungo.stream.SpspHandler;
import org.kiungo.stream.StreamCredentials;
import org.kiungo.stream.StreamReceiver;
import org.kiungo.stream.TotalsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's payment parts, wired over its wallets and packet pipeline: the STREAM receiver behind every wallet
 * address, the SPSP endpoint, and the payer behind {@code createPayment}. Connection totals live in Redis when
 * {@code REDIS_URL} is set, so replicas sign consistent receipts, and in memory otherwise.
 *
 * @param totalsStore the Redis connection to close, or null for totals in memory
 * @param http the SPSP client's connections
 */
record Payments(SpspHandler spsp, WalletPayer payer, AutoCloseable totalsStore, HttpClient http)
        implements AutoCloseable {
    /**
     * Packets of one payment awaiting their reply at once: each hop holds a packet for a durable ledger write, so
     * one at a time would leave a payment bound by latency; a few more than the cores keep the path busy.
     */
    static final int PACKETS_IN_FLIGHT = 16;
    private static final Logger LOG = LoggerFactory.getLogger(Payments.class);

    /** Builds the parts and starts serving the wallets: from now on packets to them are answered. */
    static Payments build(Config config, Clock clock, Wallets wallets, PacketHandler pipeline,
                          LocalReceivers receivers, SpspClient.Resolver resolver) throws NodeStartException {
        StreamCredentials credentials = new StreamCredentials(StreamSecrets.load(config.streamSecret(),
                config.dataDir()));
        ConnectionTotals totals;
        RedisConnectionTotals redis = null;
        if (config.redisUrl().isPresent()) {
            try {
                redis = RedisConnectionTotals.connect(config.redisUrl().get().toString(),
                        RedisConnectionTotals.KEY_PREFIX, RedisConnectionTotals.TTL,
                        RedisConnectionTotals.COMMAND_TIMEOUT);
            } catch (TotalsException | IllegalArgumentException e) {
                throw new NodeStartException("REDIS_URL: " + e.getMessage());
            }
            totals = redis;
        } else {
            totals = new MemoryConnectionTotals(clock);
        }
        WalletDirectory directory = new WalletDirectory(wallets, config.ilpAddress());
        StreamReceiver receiver = new StreamReceiver(credentials, directory, new ReservedCredit(wallets), totals,
                config.ilpAddress(), clock);
        wallets.serve(config.ilpAddress(), receivers, (from, prepare) -> receiver.receive(prepare));
        LOG.info("STREAM connection totals {}; STREAM secret {}", redis != null ? "in Redis" : "in memory",
                config.streamSecret().isPresent() ? "from STREAM_SECRET" : "generated and kept in the data directory");
        HttpClient http = HttpClient.newBuilder().connectTimeout(SpspClient.TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new Payments(new SpspHandler(directory, credentials), new WalletPayer(wallets, pipeline,
                new SpspClient(http, resolver), clock, SenderConfig.DEFAULTS.withPacketsInFlight(PACKETS_IN_FLIGHT)),
                redis, http);
    }

    @Override
    public void close() {
        http.close();
        if (totalsStore != null) {
            try {
                totalsStore.close();
            } catch (Exception e) {
                LOG.warn("closing the connection totals store failed: {}", e.toString());
            }
        }
    }
}
