package org.kiungo.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.Conditions;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;

/**
 * Two real nodes, {@code test.a} and {@code test.b}, not yet peered with each other: each has a USD asset, a
 * sender child ({@code test.<x>.sender}, token {@code <x>-sender}, credit 1,000) and a receiver peer
 * ({@code test.<x>.receiver}) that fulfils every packet in-process. Tests peer them by a protocol, then send.
 */
final class PeeredNodes implements AutoCloseable {
    static final byte[] FULFILLMENT = new byte[32];
    static final byte[] CONDITION;

    static {
        FULFILLMENT[31] = 7;
        CONDITION = Conditions.of(FULFILLMENT);
    }

    final AdminClient client = new AdminClient();
    final Node a;
    final Node b;
    final String usdAtA;
    final String usdAtB;

    PeeredNodes(Path dirA, Path dirB, Map<String, String> envA, Map<String, String> envB) throws Exception {
        a = Node.start(config(dirA, "test.a", envA));
        Node started = null;
        try {
            started = Node.start(config(dirB, "test.b", envB));
        } finally {
            if (started == null) {
                a.close();
            }
        }
        b = started;
        usdAtA = setUp(a, "a");
        usdAtB = setUp(b, "b");
    }

    private static Config config(Path dataDir, String address, Map<String, String> extra) throws ConfigException {
        Map<String, String> environment = new HashMap<>(Map.of("KIUNGO_DATA_DIR", dataDir.toString(),
                "CONNECTOR_PORT", "0", "ADMIN_PORT", "0", "SPSP_PORT", "0", "ILP_ADDRESS", address, "INSTANCE_NAME",
                "Node " + address, "CCP_BROADCAST_INTERVAL_MS", "3600000"));
        environment.putAll(extra);
        return Config.load(environment);
    }

    private String setUp(Node node, String name) throws Exception {
        String usd = client.createAsset(node, "USD");
        client.createPeer(node, usd, "test." + name + ".sender", name + "-sender", 1_000);
        String receiver = client.createPeer(node, usd, "test." + name + ".receiver", name + "-receiver", 0);
        node.peering().attachLocalReceiver(receiver, (from, prepare) -> new Fulfill(FULFILLMENT.clone(),
                new byte[] {1}));
        return usd;
    }

    /** Sends {@code amount} from {@code node}'s sender child to {@code destination}, over HTTP. */
    Reply send(Node node, String senderToken, String destination, long amount)
            throws IOException, InterruptedException, DecodingException {
        Prepare prepare = new Prepare(amount, Instant.now().plusSeconds(20), CONDITION.clone(),
                IlpAddress.of(destination), new byte[] {9});
        HttpResponse<byte[]> response = client.httpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.connectorPort() + "/ilp"))
                .timeout(AdminClient.REQUEST_TIMEOUT).header("Authorization", "Bearer " + senderToken)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(IlpCodec.encode(prepare))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return IlpCodec.decodeReply(response.body());
    }

    @Override
    public void close() {
        a.close();
        b.close();
        client.close();
    }
}
