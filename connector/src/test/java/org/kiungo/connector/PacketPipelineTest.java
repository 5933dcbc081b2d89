package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.NOW;
import static org.kiungo.connector.Fixtures.US;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.peer;
import static org.kiungo.connector.Fixtures.prepare;
import static org.kiungo.connector.Fixtures.reject;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.MutableClock;
import org.kiungo.ledger.embedded.EmbeddedLedger;

class PacketPipelineTest {
    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryPeerDirectory peers = new InMemoryPeerDirectory(new InMemoryIncomingTokens());
    private final AtomicReference<Prepare> sent = new AtomicReference<>();
    private PacketSender sender = (peerId, link, prepare) -> {
        sent.set(prepare);
        return Fixtures.fulfill();
    };
    private Ledger ledger;
    private PacketPipeline pipeline;

    @BeforeEach
    void assemble() {
        ledger = EmbeddedLedger.open(directory, clock);
        pipeline = PacketPipeline.assemble(new PipelineParts(ConnectorSettings.defaults(US), clock, peers,
                new InMemoryAssetDirectory(), Router.following(peers), StaticRates.none(), ledger,
                new LocalReceivers(), (peerId, link, prepare) -> sender.send(peerId, link, prepare),
                RouteExchange.disabled(US)));
        peers.add(peer("a", "test.a", USD).withMaxPacketAmount(10), List.of());
        peers.add(peer("b", "test.b", USD), List.of());
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void shouldApplyTheStepsInThePinnedOrder() {
        assertThat(pipeline.order()).containsExactly(
                ValidateStep.class,
                ExpiryStep.class,
                MaxPacketAmountStep.class,
                RateLimitStep.class,
                PeerProtocolStep.class,
                RouteStep.class,
                ExchangeRateStep.class,
                ReserveStep.class,
                ShortenExpiryStep.class,
                FulfillmentCheckStep.class,
                ForwardStep.class);
    }

    @Test
    void shouldCheckExpiryBeforeTheAmountAndTheAmountBeforeTheRoute() {
        assertThat(reject(pipeline.handle("a", prepare(11, "test.nowhere", NOW))).code())
                .isEqualTo(ErrorCode.R00_TRANSFER_TIMED_OUT);
        assertThat(reject(pipeline.handle("a", prepare(11, "test.nowhere"))).code())
                .isEqualTo(ErrorCode.F08_AMOUNT_TOO_LARGE);
        assertThat(reject(pipeline.handle("a", prepare(10, "test.nowhere"))).code())
                .isEqualTo(ErrorCode.F02_UNREACHABLE);
    }

    @Test
    void shouldForwardAZeroAmountPacketWithAShortenedExpiry() {
        Reply reply = pipeline.handle("a", prepare(0, "test.b.bob", NOW.plusSeconds(10)));

        assertThat(reply).isInstanceOf(Fulfill.class);
        assertThat(sent.get().expiresAt()).isEqualTo(NOW.plusSeconds(9));
        assertThat(sent.get().destination().value()).isEqualTo("test.b.bob");
    }

    @Test
    void shouldAnswerAnUnexpectedExceptionWithT00FromOurAddress() {
        sender = (peerId, link, prepare) -> {
            throw new IllegalStateException("a bug");
        };

        Reply reply = pipeline.handle("a", prepare(0, "test.b.bob"));

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.T00_INTERNAL_ERROR);
        assertThat(reject(reply).triggeredBy()).isEqualTo(US.value());
    }

    @Test
    void shouldAnswerAPeerRemovedSinceItsTokenWasCheckedWithF00() {
        assertThat(reject(pipeline.handle("gone", prepare(0, "test.b.bob"))).code())
                .isEqualTo(ErrorCode.F00_BAD_REQUEST);
    }
}
