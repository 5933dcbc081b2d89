package org.kiungo.node;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.ConnectorSettings;
import org.kiungo.connector.IlpOverHttpClient;
import org.kiungo.connector.IlpOverHttpHandler;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.connector.LocalReceivers;
import org.kiungo.connector.PacketPipeline;
import org.kiungo.connector.PipelineParts;
import org.kiungo.connector.RateSource;
import org.kiungo.connector.Router;
import org.kiungo.connector.StaticRates;
import org.kiungo.admin.AdminApi;
import org.kiungo.admin.GraphqlHandler;
import org.kiungo.connector.ccp.CcpSettings;
import org.kiungo.connector.ccp.CcpSpeaker;
import org.kiungo.connector.ccp.CcpTimer;
import org.kiungo.connector.ccp.RouteCost;
import org.kiungo.admin.RequestSignatures;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.embedded.EmbeddedLedger;
import org.kiungo.peering.PeeringServices;
import org.kiungo.peering.PeeringStore;
import org.kiungo.peering.PeeringStores;
import org.kiungo.stream.SpspClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Kiungo node: its data directory locked, its ledger open, the packet pipeline behind the
 * ILP-over-HTTP connector, and the admin server listening. This is where the parts are wired together; the CLI
 * and in-process tests start nodes the same way.
 */
public final class Node implements AutoCloseable {
    /** The only storage so far: the embedded ledger; PostgreSQL and Redis come later. */
    public static final String STORAGE = "embedded";
    /** The ledger's directory inside the data directory. */
    public static final String LEDGER_DIRECTORY = "ledger";
    /** The peering store's directory (assets, peers, token hashes, withdrawals) inside the data directory. */
    public static final String PEERING_DIRECTORY = "peering";
    /**
     * Where the admin API listens without API_SECRET: loopback only, whatever KIUNGO_BIND_HOST says, because its
     * requests are then not authenticated. With API_SECRET every request is signed and it listens on KIUNGO_BIND_HOST.
     */
    public static final String ADMIN_HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final Config config;
    private final DataDirectory dataDirectory;
    private final Connector parts;
    private final HttpServer connector;
    private final HttpServer admin;
    private final HttpServer spsp;
    private final CcpTimer ccpTimer;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Node(Config config, DataDirectory dataDirectory, Connector parts, HttpServer connector,
                 HttpServer admin, HttpServer spsp) {
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.parts = parts;
        this.connector = connector;
        this.admin = admin;
        this.spsp = spsp;
        // Route exchange starts once peers can reach us, so the first control requests can be answered.
        this.ccpTimer = CcpTimer.start(parts.speaker());
    }

    /** Starts a node that forwards packets within one asset only: it knows no exchange rates. */
    public static Node start(Config config) throws NodeStartException {
        return start(config, StaticRates.none());
    }

    /**
     * Locks the data directory, opens the ledger, builds the packet pipeline with {@code rates} and starts the
     * servers; on failure releases whatever it had taken.
     */
    public static Node start(Config config, RateSource rates) throws NodeStartException {
        return start(config, rates, SpspClient.Resolver.HTTPS);
    }

    /**
     * Starts a node whose payments find a payment pointer's SPSP endpoint with {@code pointers}: the pointer's own
     * https URL in production, a local server in tests.
     */
    public static Node start(Config config, RateSource rates, SpspClient.Resolver pointers)
            throws NodeStartException {
        LOG.info("Kiungo {} \"{}\" starting", Version.current(), config.instanceName());
        DataDirectory dataDirectory = DataDirectory.lock(config.dataDir());
        Connector parts = null;
        HttpServer connector = null;
        HttpServer spsp = null;
        try {
            Clock clock = Clock.systemUTC();
            parts = Connector.build(config, rates, clock, pointers);
            IlpOverHttpHandler ilpOverHttp = new IlpOverHttpHandler(config.ilpAddress(), parts.incomingTokens(),
                    parts.pipeline());
            connector = HttpServer.start("connector", config.bindHost(), config.connectorPort(), ilpOverHttp, true);
            spsp = HttpServer.start("spsp", config.bindHost(), config.spspPort(), parts.payments().spsp(), false);
            Optional<RequestSignatures> signatures = config.apiSecret().map(secret -> new RequestSignatures(
                    secret.reveal().getBytes(StandardCharsets.UTF_8), clock));
            Handler adminHandlers = new Handler.Sequence(new HealthHandler(),
                    new GraphqlHandler(parts.admin(), signatures));
            HttpServer admin = HttpServer.start("admin", adminHost(config), config.adminPort(), adminHandlers,
                    false);
            Node node = new Node(config, dataDirectory, parts, connector, admin, spsp);
            node.logStarted();
            return node;
        } catch (NodeStartException | RuntimeException e) {
            if (connector != null) {
                connector.stop();
            }
            if (spsp != null) {
                spsp.stop();
            }
            if (parts != null) {
                parts.close();
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

    /** Where the admin server listens: {@link #ADMIN_HOST}, or KIUNGO_BIND_HOST when API_SECRET is set. */
    public static String adminHost(Config config) {
        return config.apiSecret().isPresent() ? config.bindHost() : ADMIN_HOST;
    }

    /** The port of the admin server ({@code GET /healthz}). */
    public int adminPort() {
        return admin.port();
    }

    /** The port of the SPSP endpoint of the node's wallet addresses. */
    public int spspPort() {
        return spsp.port();
    }

    /** Assets, peers, wallet addresses and liquidity as the admin API drives them. */
    public PeeringServices services() {
        return parts.services();
    }

    /** The node's ledger, to read balances from. */
    public Ledger ledger() {
        return parts.ledger();
    }

    public Config config() {
        return config;
    }

    /** Assets, peers and liquidity: what the admin API will drive, and what in-process tests use today. */
    public Peering peering() {
        return parts.peering();
    }

    /** Blocks until {@link #close()} has stopped the node. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops the servers, letting packets in flight finish within a bounded time, then closes the outgoing client
     * and the ledger (which makes every queued write durable) and releases the lock.
     */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("stopping");
        ccpTimer.close();
        connector.stop();
        spsp.stop();
        admin.stop();
        parts.close();
        dataDirectory.close();
        LOG.info("stopped");
        stopped.countDown();
    }

    /** The connector's parts, built before any server listens. */
    private record Connector(InMemoryIncomingTokens incomingTokens, Ledger ledger, IlpOverHttpClient outgoing,
                             ExecutorService ccpSends, CcpSpeaker speaker, Peering peering, PacketPipeline pipeline,
                             PeeringStore store, AdminApi admin, PeeringServices services, Payments payments) {
        static Connector build(Config config, RateSource rates, Clock clock, SpspClient.Resolver pointers)
                throws NodeStartException {
            Ledger ledger = EmbeddedLedger.open(config.dataDir().resolve(LEDGER_DIRECTORY), clock);
            IlpOverHttpClient outgoing;
            PeeringStore store;
            try {
                store = PeeringStores.embedded(config.dataDir().resolve(PEERING_DIRECTORY));
            } catch (RuntimeException e) {
                ledger.close();
                throw e;
            }
            try {
                outgoing = IlpOverHttpClient.start(config.ilpAddress(), clock);
            } catch (RuntimeException e) {
                store.close();
                ledger.close();
                throw e;
            }
            InMemoryIncomingTokens incomingTokens = new InMemoryIncomingTokens();
            InMemoryPeerDirectory peers = new InMemoryPeerDirectory(incomingTokens);
            InMemoryAssetDirectory assets = new InMemoryAssetDirectory();
            LocalReceivers localReceivers = new LocalReceivers();
            Router router = Router.following(peers);
            // One virtual thread per CCP request; the speaker keeps at most two in flight per peer.
            ExecutorService ccpSends = Executors.newVirtualThreadPerTaskExecutor();
            CcpSpeaker speaker = CcpSpeaker.following(config.ilpAddress(),
                    CcpSettings.withBroadcastInterval(config.ccpBroadcastInterval()), clock, peers, router, outgoing,
                    ccpSends, RouteCost.UNKNOWN);
            PacketPipeline pipeline = PacketPipeline.assemble(new PipelineParts(
                    ConnectorSettings.defaults(config.ilpAddress()), clock, peers, assets, router, rates, ledger,
                    localReceivers, outgoing, speaker));
            PeeringServices services = PeeringServices.open(store, ledger, assets, peers, incomingTokens, clock);
            Payments payments;
            try {
                payments = Payments.build(config, clock, services.wallets(), pipeline, localReceivers, pointers);
            } catch (NodeStartException | RuntimeException e) {
                ccpSends.shutdownNow();
                outgoing.close();
                store.close();
                ledger.close();
                throw e;
            }
            return new Connector(incomingTokens, ledger, outgoing, ccpSends, speaker,
                    new Peering(ledger, assets, peers, localReceivers), pipeline, store,
                    AdminApi.over(services, clock, payments.payer()), services, payments);
        }

        void close() {
            payments.close();
            ccpSends.shutdownNow();
            outgoing.close();
            store.close();
            ledger.close();
        }
    }

    private void logStarted() {
        LOG.info("ILP address {}", config.ilpAddress());
        LOG.info("data directory {} (locked)", dataDirectory.path());
        LOG.info("storage {}, ledger in {}", STORAGE, dataDirectory.path().resolve(LEDGER_DIRECTORY));
        LOG.info("connector listening on http://{}:{} (ILP over HTTP, HTTP/1.1 and h2c)", config.bindHost(),
                connectorPort());
        LOG.info("storage {}, assets and peers in {}", STORAGE, dataDirectory.path().resolve(PEERING_DIRECTORY));
        LOG.info("admin listening on http://{}:{} (GraphQL at {}, /healthz); {}", adminHost(config), adminPort(),
                GraphqlHandler.PATH, config.apiSecret().isPresent() ? "requests must be signed with API_SECRET"
                        : "loopback only, since API_SECRET is unset and requests are not signed");
        LOG.info("SPSP listening on http://{}:{} for the wallet addresses", config.bindHost(), spspPort());
        for (EnvironmentVariable variable : config.notUsedYet()) {
            LOG.info("{} is set but not used yet", variable);
        }
        LOG.info("started");
    }
}
