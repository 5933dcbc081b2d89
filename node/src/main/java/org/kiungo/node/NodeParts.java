package org.kiungo.node;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.kiungo.admin.WebhookDelivery;
import org.kiungo.admin.Webhooks;
import org.kiungo.connector.CallbackReplies;
import org.kiungo.connector.ConnectorSettings;
import org.kiungo.connector.IlpOverHttpClient;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.connector.LocalReceivers;
import org.kiungo.connector.PacketPipeline;
import org.kiungo.connector.PipelineParts;
import org.kiungo.connector.RateSource;
import org.kiungo.connector.Router;
import org.kiungo.connector.ccp.CcpSettings;
import org.kiungo.connector.ccp.CcpSpeaker;
import org.kiungo.connector.ccp.RouteCost;
import org.kiungo.ledger.Ledger;
import org.kiungo.peering.PeeringServices;
import org.kiungo.stream.SpspClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's parts behind its servers: storage, the packet pipeline, CCP, peering services and webhooks, built
 * before any server listens and closed after the servers stop.
 */
record NodeParts(InMemoryIncomingTokens incomingTokens, Storage storage, IlpOverHttpClient outgoing,
                 ExecutorService ccpSends, CcpSpeaker speaker, Peering peering, PacketPipeline pipeline,
                 CallbackReplies callbackReplies, Webhooks webhooks, Payments payments) {
    private static final Logger LOG = LoggerFactory.getLogger(NodeParts.class);

    static NodeParts build(Config config, RateSource rates, Clock clock, SpspClient.Resolver pointers)
            throws NodeStartException {
        Storage storage = Storage.open(config, clock);
        Ledger ledger = storage.ledger();
        IlpOverHttpClient outgoing;
        try {
            outgoing = IlpOverHttpClient.start(config.ilpAddress(), clock);
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
        Payments payments;
        try {
            payments = Payments.build(config, clock, services.wallets(), pipeline, localReceivers, pointers);
        } catch (NodeStartException | RuntimeException e) {
            ccpSends.shutdownNow();
            outgoing.close();
            storage.close();
            throw e;
        }
        // Liquidity alarms are checked (and their events sent) off the packet path, by one thread of their own.
        Webhooks webhooks = new Webhooks(services.alarms(), config.webhookUrl().map(url -> new WebhookDelivery(
                storage.store().webhookEvents(), url, config.signatureSecret().map(s -> s.reveal().getBytes(
                StandardCharsets.UTF_8)), config.webhookTimeout(), clock))).start();
        return new NodeParts(incomingTokens, storage, outgoing, ccpSends, speaker,
                new Peering(services, ledger, localReceivers), pipeline,
                new CallbackReplies(peers, outgoing, clock), webhooks, payments);
    }

    void close() {
        payments.close();
        webhooks.close();
        ccpSends.shutdownNow();
        callbackReplies.close();
        try {
            if (!pipeline.awaitPostRetries(Node.POST_RETRIES_WAIT)) {
                LOG.error("posts of fulfilled packets were still being retried when the ledger closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outgoing.close();
        storage.close();
    }
}
