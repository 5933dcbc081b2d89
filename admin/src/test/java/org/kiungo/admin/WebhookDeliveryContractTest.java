package org.kiungo.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.MutableClock;
import org.kiungo.ledger.embedded.EmbeddedLedger;
import org.kiungo.peering.AssetRecord;
import org.kiungo.peering.CreatePeer;
import org.kiungo.peering.LiquidityAlarms;
import org.kiungo.peering.PeerRecord;
import org.kiungo.peering.PeeringServices;
import org.kiungo.peering.PeeringStore;
import org.kiungo.peering.WebhookEvent;

/**
 * Liquidity events POSTed to a real HTTP receiver, on every store: one event per crossing, retried after a 500
 * until a 200 acknowledges it once, signed as Rafiki signs, resumed after a restart, given up after the most
 * attempts; the clock is a fake one, so back-off needs no sleeping.
 */
abstract class WebhookDeliveryContractTest {
    static final byte[] SECRET = "webhook-test-secret".getBytes(StandardCharsets.UTF_8);
    private static final Pattern SIGNATURE = Pattern.compile("t=([0-9]+), v1=([0-9a-f]{64})");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    final MutableClock clock = MutableClock.at2026();
    Ledger ledger;
    PeeringStore store;
    PeeringServices services;
    WebhookReceiver receiver;
    Webhooks webhooks;
    AssetRecord usd;
    PeerRecord peer;

    abstract PeeringStore openStore();

    @BeforeEach
    void open() throws Exception {
        receiver = new WebhookReceiver(500);
        ledger = EmbeddedLedger.open(directory.resolve("ledger"), clock);
        store = openStore();
        start();
        usd = services.assets().create("USD", 2, OptionalLong.empty(), OptionalLong.empty());
        peer = services.peers().create(new CreatePeer(usd.id().toString(), "g.wallet", Optional.empty(),
                "http://127.0.0.1:9/ilp", "out", List.of("in"), OptionalLong.empty(), OptionalLong.of(100),
                OptionalLong.of(150), List.of()));
    }

    private void start() {
        InMemoryIncomingTokens tokens = new InMemoryIncomingTokens();
        services = PeeringServices.open(store, ledger, new InMemoryAssetDirectory(),
                new InMemoryPeerDirectory(tokens), tokens, clock);
        webhooks = new Webhooks(services.alarms(), Optional.of(new WebhookDelivery(store.webhookEvents(),
                receiver.url(), Optional.of(SECRET), Duration.ofSeconds(5), clock)));
    }

    @AfterEach
    void close() throws Exception {
        webhooks.close();
        store.close();
        ledger.close();
        receiver.close();
    }

    private void restart() {
        webhooks.close();
        store.close();
        store = openStore();
        start();
    }

    private void withdraw(long amount) {
        services.liquidity().withdrawFromPeer(peer, usd, UUID.randomUUID(), amount, OptionalLong.of(0));
    }

    private WebhookEvent stored(WebhookEvent event) {
        return store.webhookEvents().event(event.id()).orElseThrow();
    }

    @Test
    void shouldRetryAfterA500UntilA200AcknowledgesItOnce() throws Exception {
        assertThat(webhooks.round()).isEmpty();
        withdraw(60);
        WebhookEvent event = webhooks.round().get(0);
        assertThat(receiver.received).hasSize(1);
        WebhookEvent failed = stored(event);
        assertThat(failed.state()).isEqualTo(WebhookEvent.State.PENDING);
        assertThat(failed.lastStatus()).hasValue(500);
        assertThat(failed.nextAttemptAt()).contains(clock.instant().plus(WebhookDelivery.BACKOFF_FIRST));
        assertThat(webhooks.round()).isEmpty();
        assertThat(receiver.received).as("not due before its back-off").hasSize(1);
        clock.advance(WebhookDelivery.BACKOFF_FIRST);
        webhooks.round();
        assertThat(receiver.received).hasSize(2);
        WebhookEvent delivered = stored(event);
        assertThat(delivered.state()).isEqualTo(WebhookEvent.State.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.deliveredAt()).contains(clock.instant());
        withdraw(10);
        clock.advance(Duration.ofHours(1));
        assertThat(webhooks.round()).as("still below: no second event").isEmpty();
        assertThat(receiver.received).as("acknowledged: never sent again").hasSize(2);
        assertThat(receiver.received.get(0).body()).isEqualTo(receiver.received.get(1).body());
        services.liquidity().depositToPeer(peer, usd, UUID.randomUUID(), 50);
        webhooks.round();
        withdraw(50);
        WebhookEvent again = webhooks.round().get(0);
        assertThat(again.id()).isNotEqualTo(event.id());
        assertThat(receiver.received).hasSize(3);
        assertThat(stored(again).state()).isEqualTo(WebhookEvent.State.DELIVERED);
    }

    @Test
    void shouldPostRafikisShapeSignedWithRafikisHeader() throws Exception {
        withdraw(60);
        WebhookEvent event = webhooks.round().get(0);
        WebhookReceiver.Received request = receiver.received.get(0);
        assertThat(request.contentType()).startsWith("application/json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("id").asText()).isEqualTo(event.id().toString());
        assertThat(body.get("type").asText()).isEqualTo("peer.liquidity_low");
        JsonNode data = body.get("data");
        assertThat(data.get("id").asText()).isEqualTo(peer.id());
        assertThat(data.get("asset").get("id").asText()).isEqualTo(usd.id().toString());
        assertThat(data.get("asset").get("code").asText()).isEqualTo("USD");
        assertThat(data.get("asset").get("scale").asInt()).isEqualTo(2);
        assertThat(data.get("liquidityThreshold").asText()).isEqualTo("100");
        assertThat(data.get("balance").asText()).isEqualTo("90");
        Matcher signature = SIGNATURE.matcher(request.signature());
        assertThat(signature.matches()).as(request.signature()).isTrue();
        assertThat(Long.parseLong(signature.group(1))).isEqualTo(clock.instant().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] expected = mac.doFinal((signature.group(1) + "." + request.body()).getBytes(StandardCharsets.UTF_8));
        assertThat(signature.group(2)).isEqualTo(HexFormat.of().formatHex(expected));
        assertThat(request.body()).as("canonical JSON: sorted keys, no spaces")
                .isEqualTo(JSON.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                        .writeValueAsString(JSON.readValue(request.body(), Map.class)));
    }

    @Test
    void shouldKeepEventsAcrossARestartAndDeliverThemAfterIt() {
        withdraw(60);
        WebhookEvent event = webhooks.round().get(0);
        assertThat(stored(event).lastStatus()).hasValue(500);
        restart();
        clock.advance(WebhookDelivery.BACKOFF_FIRST);
        assertThat(webhooks.round()).as("the alarm stays raised across the restart").isEmpty();
        assertThat(receiver.received).hasSize(2);
        assertThat(stored(event).state()).isEqualTo(WebhookEvent.State.DELIVERED);
    }

    @Test
    void shouldBackOffExponentiallyAndGiveUpAfterTheMostAttempts() {
        receiver.alwaysAnswer(503);
        withdraw(60);
        WebhookEvent event = webhooks.round().get(0);
        for (int attempt = 1; attempt < WebhookDelivery.ATTEMPTS_MAX; attempt++) {
            Duration wait = Duration.between(clock.instant(), stored(event).nextAttemptAt().orElseThrow());
            assertThat(wait).isEqualTo(WebhookDelivery.backoff(attempt));
            clock.advance(wait);
            webhooks.round();
        }
        WebhookEvent failed = stored(event);
        assertThat(failed.state()).isEqualTo(WebhookEvent.State.FAILED);
        assertThat(failed.attempts()).isEqualTo(WebhookDelivery.ATTEMPTS_MAX);
        assertThat(failed.lastError()).contains("HTTP status 503");
        clock.advance(Duration.ofDays(1));
        webhooks.round();
        assertThat(receiver.received).hasSize(WebhookDelivery.ATTEMPTS_MAX);
    }

    @Test
    void shouldRecordAnUnreachableWebhookAndShowEventsInTheAdminApi() throws Exception {
        receiver.close();
        withdraw(60);
        WebhookEvent event = webhooks.round().get(0);
        WebhookEvent failed = stored(event);
        assertThat(failed.lastStatus()).isEmpty();
        assertThat(failed.lastError()).hasValueSatisfying(error -> assertThat(error).startsWith("no answer: "));
        AdminApi api = AdminApi.over(services, clock);
        Map<String, Object> response = api.execute("{ webhookEvents(filter: {type: {in: [\"peer.liquidity_low\"]}})"
                + " { edges { node { id type data state attempts lastStatus lastError nextAttemptAt } } } }",
                null, null);
        assertThat(response.toString()).contains(event.id().toString(), "PENDING", "attempts=1",
                "\"balance\":\"90\"");
        assertThat(api.execute("{ webhookEvents(filter: {type: {in: [\"asset.liquidity_low\"]}}) { edges { cursor }"
                + " } }", null, null).toString()).contains("edges=[]");
        assertThat(api.execute("{ webhookEvents(filter: {type: {in: [\"peer.low\"]}}) { edges { cursor } } }",
                null, null).toString()).contains("BAD_USER_INPUT", "unknown event type");
    }

    @Test
    void shouldTakeAndShowUpperThresholdsInTheAdminApi() {
        AdminApi api = AdminApi.over(services, clock);
        String created = api.execute("mutation { createAsset(input: {code: \"EUR\", scale: 2, liquidityThreshold: 10,"
                + " liquidityHighThreshold: 5000}) { asset { id liquidityThreshold liquidityHighThreshold } } }", null,
                null).toString();
        assertThat(created).contains("liquidityThreshold=10", "liquidityHighThreshold=5000");
        String updated = api.execute("mutation { updatePeer(input: {id: \"" + peer.id() + "\", liquidityHighThreshold:"
                + " 700}) { peer { liquidityThreshold liquidityHighThreshold } } }", null, null).toString();
        assertThat(updated).contains("liquidityThreshold=100", "liquidityHighThreshold=700");
        services.liquidity().depositToPeer(peer, usd, UUID.randomUUID(), 600);
        assertThat(webhooks.round()).extracting(WebhookEvent::type)
                .containsExactlyInAnyOrder("asset.liquidity_low", "peer.liquidity_high");
    }

    @Test
    void shouldDoubleTheBackOffUpToItsMaximum() {
        assertThat(WebhookDelivery.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(WebhookDelivery.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(WebhookDelivery.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(WebhookDelivery.backoff(11)).isEqualTo(WebhookDelivery.BACKOFF_MAX);
        assertThat(WebhookDelivery.backoff(100)).isEqualTo(WebhookDelivery.BACKOFF_MAX);
        assertThat(LiquidityAlarms.TYPES).contains("peer.liquidity_low", "asset.liquidity_high");
    }
}
