package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.codec.stream.SpspResponse;
import org.kiungo.codec.stream.StreamFrame;
import org.kiungo.codec.stream.StreamKeys;
import org.kiungo.codec.stream.StreamPacket;
import org.kiungo.codec.stream.StreamReceipt;
import org.kiungo.peering.AssetRecord;
import org.kiungo.peering.CreatePeer;
import org.kiungo.peering.PeerRecord;
import org.kiungo.peering.WalletAddressRecord;
import org.kiungo.stream.RedisConnectionTotals;
import org.kiungo.stream.StreamCredentials;

/**
 * One node's wallet address as a peer reaches it over real HTTP: its SPSP endpoint, then STREAM packets that are
 * fulfilled (crediting the wallet), undecryptable (F06), forged (F06) or carrying a wrong condition (F99), where
 * every refused packet leaves every balance as it was.
 */
class WalletReceiverTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] RECEIPT_NONCE = new byte[16];
    private static final byte[] RECEIPT_SECRET = new byte[32];
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private Node node;
    private WalletAddressRecord bob;
    private PeerRecord mallory;

    static {
        RECEIPT_NONCE[0] = 1;
        RECEIPT_SECRET[0] = 2;
    }

    private static Config config(Path dir, Map<String, String> more) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("KIUNGO_DATA_DIR", dir.toString(), "CONNECTOR_PORT",
                "0", "ADMIN_PORT", "0", "SPSP_PORT", "0", "ILP_ADDRESS", "test.c"));
        environment.putAll(more);
        return Config.load(environment);
    }

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        node = Node.start(config(dir, Map.of()));
        AssetRecord eur = node.services().assets().create("EUR", 2, OptionalLong.empty(), OptionalLong.empty());
        bob = node.services().wallets().create(eur.id().toString(), "$nodec/bob", Optional.empty());
        mallory = node.services().peers().create(new CreatePeer(eur.id().toString(), "test.mallory",
                Optional.empty(), "http://127.0.0.1:1/ilp", "out", List.of("mallory-token"), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.of(1_000), List.of()));
    }

    @AfterEach
    void stop() {
        node.close();
        http.close();
    }

    private HttpResponse<String> spsp(String path, String accept, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.spspPort()
                + path)).timeout(TIMEOUT).header("Accept", accept);
        headers.forEach(request::header);
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private SpspResponse credentials() throws Exception {
        HttpResponse<String> response = spsp("/bob", SpspResponse.MEDIA_TYPE, Map.of(
                "Receipt-Nonce", Base64.getEncoder().encodeToString(RECEIPT_NONCE),
                "Receipt-Secret", Base64.getEncoder().encodeToString(RECEIPT_SECRET)));
        assertThat(response.statusCode()).isEqualTo(200);
        return SpspResponse.parse(response.body());
    }

    private Reply send(long amount, IlpAddress destination, byte[] condition, byte[] data) throws Exception {
        Prepare prepare = new Prepare(amount, Instant.now().plusSeconds(20), condition, destination, data);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.connectorPort()
                + "/ilp")).timeout(TIMEOUT).header("Authorization", "Bearer mallory-token")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(IlpCodec.encode(prepare))).build();
        return IlpCodec.decodeReply(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    private static byte[] streamData(StreamKeys keys, long minimum) {
        return keys.encrypt(new StreamPacket(StreamPacket.PREPARE, 1, minimum,
                List.of(new StreamFrame.StreamMoney(1, 1))).encode());
    }

    private void assertNothingMoved() {
        assertThat(node.services().wallets().account(bob).creditsPosted()).isZero();
        assertThat(node.services().wallets().account(bob).creditsPending()).isZero();
        assertThat(node.services().peers().liquidity(mallory)).isEqualTo(1_000);
    }

    @Test
    void shouldAnswerSpspWithFreshCredentialsAndRefuseWhatRfc9Refuses() throws Exception {
        HttpResponse<String> ok = spsp("/bob", "application/spsp4+json, */*;q=0.1", Map.of());
        SpspResponse first = SpspResponse.parse(ok.body());

        assertThat(ok.headers().firstValue("Content-Type")).contains(SpspResponse.MEDIA_TYPE);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(first.destinationAccount().value()).startsWith("test.c.wallet." + bob.id() + ".");
        assertThat(first.sharedSecret()).hasSize(32);
        assertThat(first.receiptsEnabled()).isFalse();
        assertThat(credentials().receiptsEnabled()).isTrue();
        assertThat(SpspResponse.parse(spsp("/BOB", SpspResponse.MEDIA_TYPE, Map.of()).body()).destinationAccount())
                .isNotEqualTo(first.destinationAccount());
        assertThat(spsp("/nobody", SpspResponse.MEDIA_TYPE, Map.of()).statusCode()).isEqualTo(404);
        assertThat(spsp("/bob", "text/html", Map.of()).statusCode()).isEqualTo(406);
        assertThat(spsp("/bob", SpspResponse.MEDIA_TYPE, Map.of("Receipt-Nonce", "AAAAAAAAAAAAAAAAAAAAAA=="))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void shouldFulfilAStreamPacketCreditTheWalletAndSignAReceipt() throws Exception {
        SpspResponse receiver = credentials();
        StreamKeys keys = StreamKeys.fromSharedSecret(receiver.sharedSecret());
        byte[] data = streamData(keys, 100);

        Reply reply = send(100, receiver.destinationAccount(), keys.condition(data), data);

        assertThat(reply).isInstanceOf(Fulfill.class);
        StreamPacket answer = StreamPacket.decode(keys.decrypt(((Fulfill) reply).data()));
        StreamFrame.StreamReceipt frame = answer.frames().stream().filter(StreamFrame.StreamReceipt.class::isInstance)
                .map(StreamFrame.StreamReceipt.class::cast).findFirst().orElseThrow();
        StreamReceipt receipt = StreamReceipt.decode(frame.receipt());
        assertThat(receipt.verify(RECEIPT_SECRET)).isTrue();
        assertThat(receipt.totalReceived()).isEqualTo(100);
        assertThat(node.services().wallets().account(bob).creditsPosted()).isEqualTo(100);
        assertThat(node.services().peers().liquidity(mallory)).isEqualTo(900);
    }

    @Test
    void shouldRejectUndecryptableForgedAndWronglyConditionedPacketsMovingNothing() throws Exception {
        SpspResponse receiver = credentials();
        StreamKeys keys = StreamKeys.fromSharedSecret(receiver.sharedSecret());
        byte[] garbage = new byte[64];
        byte[] data = streamData(keys, 0);
        IlpAddress forged = IlpAddress.of("test.c.wallet." + bob.id() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Reject undecryptable = (Reject) send(100, receiver.destinationAccount(), keys.condition(garbage), garbage);
        Reject notIssuedHere = (Reject) send(100, forged, keys.condition(data), data);
        Reject wrongCondition = (Reject) send(100, receiver.destinationAccount(), new byte[32], data);

        assertThat(undecryptable.code()).isEqualTo(ErrorCode.F06_UNEXPECTED_PAYMENT);
        assertThat(notIssuedHere.code()).isEqualTo(ErrorCode.F06_UNEXPECTED_PAYMENT);
        assertThat(wrongCondition.code()).isEqualTo(ErrorCode.F99_APPLICATION_ERROR);
        assertThat(StreamPacket.decode(keys.decrypt(wrongCondition.data())).prepareAmount()).isEqualTo(100);
        assertNothingMoved();
    }

    @Test
    void shouldKeepTheGeneratedStreamSecretSoCredentialsOutliveARestart() throws Exception {
        SpspResponse receiver = credentials();
        Path dataDir = node.config().dataDir();
        node.close();
        node = Node.start(config(dataDir, Map.of()));
        StreamKeys keys = StreamKeys.fromSharedSecret(receiver.sharedSecret());
        byte[] data = streamData(keys, 50);

        assertThat(send(50, receiver.destinationAccount(), keys.condition(data), data)).isInstanceOf(Fulfill.class);
        assertThat(node.services().wallets().account(bob).creditsPosted()).isEqualTo(50);
    }

    @Test
    void shouldKeepConnectionTotalsInRedisWhenRedisUrlIsSet() throws Exception {
        byte[] secret = new byte[32];
        secret[0] = 7;
        String redisUrl = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
        Path dataDir = node.config().dataDir();
        node.close();
        node = Node.start(config(dataDir, Map.of("REDIS_URL", redisUrl, "STREAM_SECRET",
                Base64.getEncoder().encodeToString(secret))));
        SpspResponse receiver = credentials();
        StreamKeys keys = StreamKeys.fromSharedSecret(receiver.sharedSecret());
        String key = RedisConnectionTotals.KEY_PREFIX + new StreamCredentials(secret)
                .recover(receiver.destinationAccount()).orElseThrow().connectionId();
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            byte[] first = streamData(keys, 100);
            byte[] second = streamData(keys, 100);
            send(100, receiver.destinationAccount(), keys.condition(first), first);
            Fulfill last = (Fulfill) send(100, receiver.destinationAccount(), keys.condition(second), second);

            StreamPacket answer = StreamPacket.decode(keys.decrypt(last.data()));
            StreamFrame.StreamReceipt frame = answer.frames().stream()
                    .filter(StreamFrame.StreamReceipt.class::isInstance).map(StreamFrame.StreamReceipt.class::cast)
                    .findFirst().orElseThrow();
            assertThat(StreamReceipt.decode(frame.receipt()).totalReceived()).isEqualTo(200);
            assertThat(redis.sync().get(key)).isEqualTo("200");
            assertThat(redis.sync().pttl(key)).isPositive();
            redis.sync().del(key);
        } finally {
            client.shutdown();
        }
    }
}
