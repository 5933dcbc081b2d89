package org.kiungo.node;

import java.util.concurrent.CountDownLatch;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.IlpOverHttpHandler;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.UnreachableHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Kiungo node: its data directory locked, the ILP-over-HTTP connector and the admin server listening.
 * This is where the parts are wired together; the CLI and in-process tests start nodes the same way.
 */
public final class Node implements AutoCloseable {
    /** The only storage so far; PostgreSQL and Redis come with the ledger and stores. */
    public static final String STORAGE = "embedded";
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final Config config;
    private final DataDirectory dataDirectory;
    private final InMemoryIncomingTokens incomingTokens;
    private final HttpServer connector;
    private final HttpServer admin;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Node(Config config, DataDirectory dataDirectory, InMemoryIncomingTokens incomingTokens,
                 HttpServer connector, HttpServer admin) {
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.incomingTokens = incomingTokens;
        this.connector = connector;
        this.admin = admin;
    }

    /** Locks the data directory and starts the servers; on failure releases whatever it had taken. */
    public static Node start(Config config) throws NodeStartException {
        LOG.info("Kiungo {} \"{}\" starting", Version.current(), config.instanceName());
        DataDirectory dataDirectory = DataDirectory.lock(config.dataDir());
        HttpServer connector = null;
        try {
            InMemoryIncomingTokens incomingTokens = new InMemoryIncomingTokens();
            IlpOverHttpHandler ilpOverHttp = new IlpOverHttpHandler(config.ilpAddress(), incomingTokens,
                    new UnreachableHandler(config.ilpAddress()));
            connector = HttpServer.start("connector", config.bindHost(), config.connectorPort(), ilpOverHttp, true);
            HttpServer admin = HttpServer.start("admin", config.bindHost(), config.adminPort(), new HealthHandler(),
                    false);
            Node node = new Node(config, dataDirectory, incomingTokens, connector, admin);
            node.logStarted();
            return node;
        } catch (NodeStartException | RuntimeException e) {
            if (connector != null) {
                connector.stop();
            }
            dataDirectory.close();
            throw e;
        }
    }

    public IlpAddress ilpAddress() {
        return config.ilpAddress();
    }

    /** The port the ILP-over-HTTP endpoint listens on. */
    public int connectorPort() {
        return connector.port();
    }

    /** The port of the admin server ({@code GET /healthz}). */
    public int adminPort() {
        return admin.port();
    }

    public Config config() {
        return config;
    }

    /**
     * Peers' incoming tokens. Until the admin API manages peers, whoever starts the node (a test, later the
     * peering module) gives tokens to peers here.
     */
    public InMemoryIncomingTokens incomingTokens() {
        return incomingTokens;
    }

    /** Blocks until {@link #close()} has stopped the node. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Stops the servers, letting requests in flight finish within a bounded time, and releases the lock. */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("stopping");
        connector.stop();
        admin.stop();
        dataDirectory.close();
        LOG.info("stopped");
        stopped.countDown();
    }

    private void logStarted() {
        LOG.info("ILP address {}", config.ilpAddress());
        LOG.info("data directory {} (locked)", dataDirectory.path());
        LOG.info("storage {}", STORAGE);
        LOG.info("connector listening on http://{}:{} (ILP over HTTP, HTTP/1.1 and h2c)", config.bindHost(),
                connectorPort());
        LOG.info("admin listening on http://{}:{}", config.bindHost(), adminPort());
        for (EnvironmentVariable variable : config.notUsedYet()) {
            LOG.info("{} is set but not used yet", variable);
        }
        LOG.info("started");
    }
}
