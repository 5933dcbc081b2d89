package org.kiungo.node;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.CallbackReplies;
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
import org.kiungo.connector.ReplyCallbackHandler;
import org.kiungo.connector.Router;
import org.kiungo.admin.AdminApi;
import org.kiungo.admin.GraphqlHandler;
import org.kiungo.connector.ccp.CcpSettings;
import org.kiungo.connector.ccp.CcpSpeaker;
import org.kiungo.connector.ccp.CcpTimer;
import org.kiungo.connector.ccp.RouteCost;
import org.kiungo.admin.RequestSignatures;
import org.kiungo.admin.WebhookDelivery;
import org.kiungo.admin.Webhooks;
import org.kiungo.ledger.Ledger;
import org.kiungo.peering.PeeringServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Kiungo node: its data directory locked, its ledger open, the packet pipeline behind the
 * ILP-over-HTTP connector, and the admin server listening. This is where the parts are wired together; the CLI
 * and in-process tests start nodes the same way.
 */
public final class Node implements AutoCloseable {
    /**
     * Where the admin API listens without API_SECRET: loopback only, whatever KIUNGO_BIND_HOST says, because its
     * requests are then not authenticated. With API_SECRET every request is signed and it listens on KIUNGO_BIND_HOST.
     */
    public static final String ADMIN_HOST = "127.0.0.1";
    /** How long closing waits for posts of fulfilled packets that the ledger failed and that are retried. */
    public static final Duration POST_RETRIES_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final Config config;
    private final DataDirectory dataDirectory;
    private final Connector parts;
    private final HttpServer connector;
    private final HttpServer admin;
    private final CcpTimer ccpTimer;
    private final Runnable closeRates;
    /** Only with a database other replicas may share; an embedded store has no other writer. */
    private final Optional<PeeringRefreshTimer> peeringRefresh;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Node(Config config, DataDirectory dataDirectory, Connector parts, HttpServer connector,
                 HttpServer admin, Runnable closeRates) {
        this.config = config;
        this.closeRates = closeRates;
        this.dataDirectory = dataDirectory;
        this.parts = parts;
        this.connector = connector;
        this.admin = admin;
        // Route exchange starts once peers can reach us, so the first control requests can be answered.
        this.ccpTimer = CcpTimer.start(parts.speaker());
        this.peeringRefresh = config.databaseUrl().map(url -> PeeringRefreshTimer.start(parts.peering().services()));
    }

    /** Starts a node with the exchange rates its configuration names: a rates service, a fixed table or none. */
    public static Node start(Config config) throws NodeStartException {
        ExchangeRatesSettings.Rates rates = config.exchangeRates().open(Clock.systemUTC());
        LOG.info("{}", config.exchangeRates().describe());
        return start(config, rates.source(), rates::close);
    }

    /** Starts a node with {@code rates} instead of the configured ones: for in-process tests. */
    public static Node start(Config config, RateSource rates) throws NodeStartException {
        return start(config, rates, () -> { });
    }

    /**
     * Locks the data directory, opens the ledger, builds the packet pipeline with {@code rates} and starts the
     * servers; on failure releases whatever it had taken, {@code closeRates} included.
     */
    private static Node start(Config config, RateSource rates, Runnable closeRates) throws NodeStartException {
        LOG.info("Kiungo {} \"{}\" starting", Version.current(), config.instanceName());
        DataDirectory dataDirectory;
        try {
            dataDirectory = DataDirectory.lock(config.dataDir());
        } catch (NodeStartException | RuntimeException e) {
            closeRates.run();
            throw e;
        }
        Connector parts = null;
        HttpServer connector = null;
        try {
            Clock clock = Clock.systemUTC();
            parts = Connector.build(config, rates, clock);
            // Prepares first: the synchronous path meets one path check before its handler.
            Handler ilpOverHttp = new Handler.Sequence(new IlpOverHttpHandler(config.ilpAddress(),
                    parts.incomingTokens(), parts.pipeline(), Optional.of(parts.callbackReplies())),
                    new ReplyCallbackHandler(parts.incomingTokens(), parts.outgoing().pendingReplies()));
            connector = HttpServer.start("connector", config.bindHost(), config.connectorPort(), ilpOverHttp, true);
            parts.outgoing().acceptRepliesAt(callbackUrl(config.ilpConnectorUrl(), connector.port()));
            Optional<RequestSignatures> signatures = config.apiSecret().map(secret -> new RequestSignatures(
                    secret.reveal().getBytes(StandardCharsets.UTF_8), clock));
            Handler adminHandlers = new Handler.Sequence(new HealthHandler(),
                    new GraphqlHandler(parts.admin(), signatures));
            HttpServer admin = HttpServer.start("admin", adminHost(config), config.adminPort(), adminHandlers,
                    false);
            Node node = new Node(config, dataDirectory, parts, connector, admin, closeRates);
            node.logStarted();
            return node;
        } catch (NodeStartException | RuntimeException e) {
            if (connector != null) {
                connector.stop();
            }
            if (parts != null) {
                parts.close();
            }
            dataDirectory.close();
            closeRates.run();
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

    /**
     * Where peers in asynchronous mode POST their replies: ILP_CONNECTOR_URL (with the bound port when it names
     * port 0) followed by {@value ReplyCallbackHandler#PATH_SUFFIX}.
     */
    static URI callbackUrl(URI connectorUrl, int boundPort) {
        String path = connectorUrl.getRawPath() == null ? "" : connectorUrl.getRawPath().replaceFirst("/+$", "");
        int port = connectorUrl.getPort() == 0 ? boundPort : connectorUrl.getPort();
        return URI.create(connectorUrl.getScheme() + "://" + connectorUrl.getHost() + (port < 0 ? "" : ":" + port)
                + path + ReplyCallbackHandler.PATH_SUFFIX);
    }

    /** Where the admin server listens: {@link #ADMIN_HOST}, or KIUNGO_BIND_HOST when API_SECRET is set. */
    public static String adminHost(Config config) {
        return config.apiSecret().isPresent() ? config.bindHost() : ADMIN_HOST;
    }

    /** The port of the admin server ({@code GET /healthz}). */
    public int adminPort() {
        return admin.port();
    }

    public Config config() {
        return config;
    }

    /** Assets, peers and liquidity through the admin API's services, for in-process callers; local receivers. */
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
        peeringRefresh.ifPresent(PeeringRefreshTimer::close);
        connector.stop();
        admin.stop();
        parts.close();
        closeRates.run();
        dataDirectory.close();
        LOG.info("stopped");
        stopped.countDown();
    }

    /** The connector's parts, built before any server listens. */
    private record Connector(InMemoryIncomingTokens incomingTokens, Storage storage, IlpOverHttpClient outgoing,
                             ExecutorService ccpSends, CcpSpeaker speaker, Peering peering, PacketPipeline pipeline,
                             AdminApi admin, CallbackReplies callbackReplies, Webhooks webhooks) {
        static Connector build(Config config, RateSource rates, Clock clock) throws NodeStartException {
            Storage storage = Storage.open(config, clock);
            Ledger ledger = storage.ledger();
            IlpOverHttpClient outgoing;
            try {
                outgoing = IlpOverHttpClient.start(config.ilpAddress(), clock);
                outgoing.speakAsynchronouslyTo(config.asynchronousPeers());
            } catch (RuntimeException e) {
                storage.close();
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
            PeeringServices services = PeeringServices.open(storage.store(), ledger, assets, peers, incomingTokens,
                    clock);
            // Liquidity alarms are checked (and their events sent) off the packet path, by one thread of their own.
            Webhooks webhooks = new Webhooks(services.alarms(), config.webhookUrl().map(url -> new WebhookDelivery(
                    storage.store().webhookEvents(), url, config.signatureSecret().map(s -> s.reveal().getBytes(
                    StandardCharsets.UTF_8)), config.webhookTimeout(), clock))).start();
            return new Connector(incomingTokens, storage, outgoing, ccpSends, speaker,
                    new Peering(services, ledger, peers, localReceivers), pipeline, AdminApi.over(services, clock),
                    new CallbackReplies(peers, outgoing, clock), webhooks);
        }

        void close() {
            webhooks.close();
            ccpSends.shutdownNow();
            callbackReplies.close();
            try {
                if (!pipeline.awaitPostRetries(POST_RETRIES_WAIT)) {
                    LOG.error("posts of fulfilled packets were still being retried when the ledger closed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            outgoing.close();
            storage.close();
        }
    }

    private void logStarted() {
        LOG.info("ILP address {}", config.ilpAddress());
        LOG.info("data directory {} (locked)", dataDirectory.path());
        LOG.info("storage {}", parts.storage().description());
        LOG.info("connector listening on http://{}:{} (ILP over HTTP, HTTP/1.1 and h2c)", config.bindHost(),
                connectorPort());
        LOG.info("admin listening on http://{}:{} (GraphQL at {}, /healthz); {}", adminHost(config), adminPort(),
                GraphqlHandler.PATH, config.apiSecret().isPresent() ? "requests must be signed with API_SECRET"
                        : "loopback only, since API_SECRET is unset and requests are not signed");
        LOG.info("liquidity events {}", config.webhookUrl().map(url -> "sent to " + url.getScheme() + "://"
                + url.getHost() + (config.signatureSecret().isPresent() ? ", signed" : ", unsigned (SIGNATURE_SECRET "
                + "unset)")).orElse("recorded, not sent (WEBHOOK_URL unset)"));
        for (EnvironmentVariable variable : config.notUsedYet()) {
            LOG.info("{} is set but not used yet", variable);
        }
        LOG.info("started");
    }
}
