package org.kiungo.node;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Handler;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.IlpOverHttpHandler;
import org.kiungo.connector.RateSource;
import org.kiungo.connector.ReplyCallbackHandler;
import org.kiungo.admin.AdminApi;
import org.kiungo.admin.GraphqlHandler;
import org.kiungo.connector.ccp.CcpTimer;
import org.kiungo.admin.RequestSignatures;
import org.kiungo.ledger.Ledger;
import org.kiungo.peering.AutoPeeringAcceptor;
import org.kiungo.peering.AutoPeeringHandler;
import org.kiungo.peering.NodeIdentity;
import org.kiungo.peering.NodeKey;
import org.kiungo.peering.PeeringServices;
import org.kiungo.peering.RemotePeering;
import org.kiungo.peering.WebFingerHandler;
import org.kiungo.stream.SpspClient;
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
    private final NodeParts parts;
    private final HttpServer connector;
    private final HttpServer admin;
    /** The auto-peering server, when ENABLE_AUTO_PEERING is true; otherwise null. */
    private final HttpServer autoPeering;
    private final RemotePeering remote;
    private final HttpServer spsp;
    private final CcpTimer ccpTimer;
    private final Runnable closeRates;
    /** Only with a database other replicas may share; an embedded store has no other writer. */
    private final Optional<PeeringRefreshTimer> peeringRefresh;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Node(Config config, DataDirectory dataDirectory, NodeParts parts, HttpServer connector,
                 HttpServer admin, HttpServer autoPeering, RemotePeering remote, HttpServer spsp,
                 Runnable closeRates) {
        this.config = config;
        this.closeRates = closeRates;
        this.dataDirectory = dataDirectory;
        this.parts = parts;
        this.connector = connector;
        this.admin = admin;
        this.autoPeering = autoPeering;
        this.remote = remote;
        this.spsp = spsp;
        // Route exchange starts once peers can reach us, so the first control requests can be answered.
        this.ccpTimer = CcpTimer.start(parts.speaker());
        this.peeringRefresh = config.databaseUrl().map(url -> PeeringRefreshTimer.start(parts.peering().services()));
    }

    /** Starts a node with the exchange rates its configuration names: a rates service, a fixed table or none. */
    public static Node start(Config config) throws NodeStartException {
        ExchangeRatesSettings.Rates rates = config.exchangeRates().open(Clock.systemUTC());
        LOG.info("{}", config.exchangeRates().describe());
        return start(config, rates.source(), SpspClient.Resolver.HTTPS, rates::close);
    }

    /** Starts a node with {@code rates} instead of the configured ones: for in-process tests. */
    public static Node start(Config config, RateSource rates) throws NodeStartException {
        return start(config, rates, SpspClient.Resolver.HTTPS);
    }

    /**
     * Starts a node with {@code rates} whose payments find a payment pointer's SPSP endpoint with {@code pointers}:
     * the pointer's own https URL in production, a local server in tests.
     */
    public static Node start(Config config, RateSource rates, SpspClient.Resolver pointers)
            throws NodeStartException {
        return start(config, rates, pointers, () -> { });
    }

    /**
     * Locks the data directory, opens the ledger, builds the packet pipeline with {@code rates} and starts the
     * servers; on failure releases whatever it had taken, {@code closeRates} included.
     */
    private static Node start(Config config, RateSource rates, SpspClient.Resolver pointers, Runnable closeRates)
            throws NodeStartException {
        LOG.info("Kiungo {} \"{}\" starting", Version.current(), config.instanceName());
        DataDirectory dataDirectory;
        try {
            dataDirectory = DataDirectory.lock(config.dataDir());
        } catch (NodeStartException | RuntimeException e) {
            closeRates.run();
            throw e;
        }
        NodeParts parts = null;
        HttpServer connector = null;
        HttpServer autoPeering = null;
        RemotePeering remote = null;
        HttpServer spsp = null;
        try {
            Clock clock = Clock.systemUTC();
            parts = NodeParts.build(config, rates, clock, pointers);
            NodeKey key = NodeKey.loadOrCreate(parts.storage().store(), clock);
            // The record names the connector's URL, known once it listens: until then WebFinger answers 503.
            AtomicReference<NodeIdentity> known = new AtomicReference<>();
            connector = HttpServer.start("connector", config.bindHost(), config.connectorPort(),
                    connectorHandlers(config, parts, new WebFingerHandler(key, () -> Optional.ofNullable(
                            known.get()))), true);
            parts.outgoing().acceptRepliesAt(callbackUrl(config.ilpConnectorUrl(), connector.port()));
            NodeIdentity identity = identity(config, connector.port());
            known.set(identity);
            PeeringServices services = parts.peering().services();
            remote = RemotePeering.open(services, identity, key);
            autoPeering = config.enableAutoPeering() ? startAutoPeering(config, services, identity) : null;
            spsp = HttpServer.start("spsp", config.bindHost(), config.spspPort(), parts.payments().spsp(), false);
            HttpServer admin = startAdmin(config, AdminApi.over(services, Optional.of(remote), clock,
                    parts.payments().payer()), clock);
            Node node = new Node(config, dataDirectory, parts, connector, admin, autoPeering, remote, spsp,
                    closeRates);
            node.logStarted();
            return node;
        } catch (NodeStartException | RuntimeException e) {
            if (connector != null) {
                connector.stop();
            }
            if (autoPeering != null) {
                autoPeering.stop();
            }
            if (remote != null) {
                remote.close();
            }
            if (spsp != null) {
                spsp.stop();
            }
            if (parts != null) {
                parts.close();
            }
            dataDirectory.close();
            closeRates.run();
            throw e;
        }
    }

    private static HttpServer startAutoPeering(Config config, PeeringServices services, NodeIdentity identity)
            throws NodeStartException {
        return HttpServer.start("auto-peering", config.bindHost(), config.autoPeeringServerPort(),
                new AutoPeeringHandler(new AutoPeeringAcceptor(services, identity,
                        config.autoPeering().defaultLiquidity(), config.autoPeering().allowedPrefixes())), false);
    }

    private static HttpServer startAdmin(Config config, AdminApi api, Clock clock) throws NodeStartException {
        Optional<RequestSignatures> signatures = config.apiSecret().map(secret -> new RequestSignatures(
                secret.reveal().getBytes(StandardCharsets.UTF_8), clock));
        return HttpServer.start("admin", adminHost(config), config.adminPort(),
                new Handler.Sequence(new HealthHandler(), new GraphqlHandler(api, signatures)), false);
    }

    /** What the connector port serves: Prepares first, so the synchronous path meets one path check before them. */
    private static Handler connectorHandlers(Config config, NodeParts parts, WebFingerHandler webFinger) {
        return new Handler.Sequence(new IlpOverHttpHandler(config.ilpAddress(), parts.incomingTokens(),
                parts.pipeline(), Optional.of(parts.callbackReplies())),
                new ReplyCallbackHandler(parts.incomingTokens(), parts.outgoing().pendingReplies()), webFinger);
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

    /** The port of the SPSP endpoint of the node's wallet addresses. */
    public int spspPort() {
        return spsp.port();
    }

    /** Assets, peers, wallet addresses and liquidity as the admin API drives them. */
    public PeeringServices services() {
        return parts.peering().services();
    }

    /** The node's ledger, to read balances from. */
    public Ledger ledger() {
        return parts.storage().ledger();
    }

    /** The port of the auto-peering server; empty when ENABLE_AUTO_PEERING is false. */
    public Optional<Integer> autoPeeringPort() {
        return Optional.ofNullable(autoPeering).map(HttpServer::port);
    }

    /**
     * What peers are told about us: ILP_CONNECTOR_URL, except that its default names CONNECTOR_PORT, which is only
     * known once the connector listens when it was 0.
     */
    static NodeIdentity identity(Config config, int boundConnectorPort) {
        URI url = config.ilpConnectorUrl();
        if (url.getPort() == 0) {
            url = URI.create(url.getScheme() + "://" + url.getHost() + ":" + boundConnectorPort
                    + (url.getRawPath() == null ? "" : url.getRawPath()));
        }
        return new NodeIdentity(config.ilpAddress(), url, config.instanceName());
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
        spsp.stop();
        if (autoPeering != null) {
            autoPeering.stop();
        }
        remote.close();
        parts.close();
        closeRates.run();
        dataDirectory.close();
        LOG.info("stopped");
        stopped.countDown();
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
        LOG.info("SPSP listening on http://{}:{} for the wallet addresses", config.bindHost(), spspPort());
        LOG.info("WebFinger record at {}{} (X25519 key for WebFinger peering)", identity(config, connectorPort())
                .ilpConnectorUrl().resolve("/"), WebFingerHandler.PATH.substring(1));
        if (autoPeering != null) {
            LOG.info("auto-peering listening on http://{}:{} (POST /), granting {} to each new peer{}",
                    config.bindHost(), autoPeering.port(), config.autoPeering().defaultLiquidity(),
                    config.autoPeering().allowedPrefixes().isEmpty() ? ", from any address"
                            : " at or below " + config.autoPeering().allowedPrefixes());
        }
        for (EnvironmentVariable variable : config.notUsedYet()) {
            LOG.info("{} is set but not used yet", variable);
        }
        LOG.info("started");
    }
}
