package org.kiungo.bench;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.AssetAccounts;
import org.kiungo.connector.ConnectorSettings;
import org.kiungo.connector.IlpOverHttpClient;
import org.kiungo.connector.IlpOverHttpHandler;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.connector.LocalReceivers;
import org.kiungo.connector.PacketPipeline;
import org.kiungo.connector.Peer;
import org.kiungo.connector.PipelineParts;
import org.kiungo.connector.RouteExchange;
import org.kiungo.connector.Router;
import org.kiungo.connector.StaticRates;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountFlags;
import org.kiungo.ledger.AccountKind;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.Liquidity;
import org.kiungo.ledger.postgres.DatabaseUrl;
import org.kiungo.ledger.postgres.PostgresLedger;

/**
 * The benchmark's middle node on the PostgreSQL ledger, in a schema of its own that is dropped afterwards. Until
 * the node reads {@code DATABASE_URL} it is assembled here from the same parts the node wires (packet pipeline,
 * ILP-over-HTTP handler and pooled client, a Jetty server on virtual threads speaking HTTP/1.1 and h2c); only CCP
 * and the admin API are left out, and neither is on the packet path.
 */
final class PostgresNode implements AutoCloseable {
    private static final int REQUESTS_CONCURRENT_MAX = 4_096;

    private final BenchSchema schema;
    private final Ledger ledger;
    private final IlpOverHttpClient outgoing;
    private final Server server;
    private final ServerConnector connector;

    private PostgresNode(BenchSchema schema, Ledger ledger, IlpOverHttpClient outgoing, Server server,
                         ServerConnector connector) {
        this.schema = schema;
        this.ledger = ledger;
        this.outgoing = outgoing;
        this.server = server;
        this.connector = connector;
    }

    static PostgresNode start(String databaseUrl, URI sink) throws Exception {
        Clock clock = Clock.systemUTC();
        IlpAddress us = IlpAddress.of(BenchPackets.NODE_ADDRESS);
        BenchSchema schema = BenchSchema.create(DatabaseUrl.parse(databaseUrl));
        Ledger ledger = PostgresLedger.open(schema.dataSource(), clock);
        IlpOverHttpClient outgoing = IlpOverHttpClient.start(us, clock);
        InMemoryIncomingTokens tokens = new InMemoryIncomingTokens();
        InMemoryPeerDirectory peers = new InMemoryPeerDirectory(tokens);
        InMemoryAssetDirectory assets = new InMemoryAssetDirectory();
        assets.add(assetAccounts(ledger));
        Peer sender = BenchNode.sender();
        createPeerAccount(ledger, sender);
        peers.add(sender, List.of(BenchPackets.SENDER_TOKEN));
        Peer sinkPeer = BenchNode.sink(sink);
        createPeerAccount(ledger, sinkPeer);
        peers.add(sinkPeer, List.of());
        UUID settlement = assets.asset(BenchNode.ASSET.ledger()).orElseThrow().settlementAccountId();
        CreateTransferResult deposited = new Liquidity(ledger).deposit(Ids.random(), settlement,
                sender.liquidityAccountId(), BenchNode.ASSET.ledger(), BenchPackets.SENDER_CREDIT).join();
        if (deposited != CreateTransferResult.OK) {
            throw new IllegalStateException("the sender's credit was refused: " + deposited);
        }
        PacketPipeline pipeline = PacketPipeline.assemble(new PipelineParts(ConnectorSettings.defaults(us), clock,
                peers, assets, Router.following(peers), StaticRates.none(), ledger, new LocalReceivers(), outgoing,
                RouteExchange.disabled(us)));
        Server server = new Server(threads());
        HttpConfiguration http = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http),
                new HTTP2CServerConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new IlpOverHttpHandler(us, tokens, pipeline));
        server.start();
        return new PostgresNode(schema, ledger, outgoing, server, connector);
    }

    int port() {
        return connector.getLocalPort();
    }

    private static QueuedThreadPool threads() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("connector");
        threads.setVirtualThreadsExecutor(new VirtualThreadPool(REQUESTS_CONCURRENT_MAX));
        return threads;
    }

    private static AssetAccounts assetAccounts(Ledger ledger) {
        AssetAccounts accounts = new AssetAccounts(BenchNode.ASSET, Ids.random(), Ids.random());
        int ledgerId = BenchNode.ASSET.ledger();
        ledger.createAccounts(List.of(
                Account.create(accounts.liquidityAccountId(), ledgerId, AccountKind.ASSET_LIQUIDITY.code(),
                        AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS),
                Account.create(accounts.settlementAccountId(), ledgerId, AccountKind.SETTLEMENT.code(),
                        AccountFlags.NONE))).join();
        return accounts;
    }

    private static void createPeerAccount(Ledger ledger, Peer peer) {
        ledger.createAccounts(List.of(Account.create(peer.liquidityAccountId(), peer.asset().ledger(),
                AccountKind.PEER_LIQUIDITY.code(), AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS))).join();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
            outgoing.close();
            ledger.close();
        } finally {
            schema.close();
        }
    }
}
