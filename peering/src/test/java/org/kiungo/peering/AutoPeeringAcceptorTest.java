package org.kiungo.peering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.InMemoryIncomingTokens;

class AutoPeeringAcceptorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NodeIdentity US = new NodeIdentity(IlpAddress.of("test.us"),
            URI.create("http://127.0.0.1:3002"), "Us");

    @TempDir
    Path directory;
    private PeeringFixture fixture;
    private AutoPeeringAcceptor acceptor;

    @BeforeEach
    void open() {
        fixture = new PeeringFixture(directory);
        fixture.services.assets().create("USD", 2, OptionalLong.empty(), OptionalLong.empty());
        acceptor = new AutoPeeringAcceptor(fixture.services, US, 5_000, List.of());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static ObjectNode request() {
        ObjectNode request = JSON.createObjectNode()
                .put("ilpConnectorUrl", "http://127.0.0.1:4002").put("staticIlpAddress", "test.them")
                .put("httpToken", "their-token").put("maxPacketAmount", 1000).put("name", "Them");
        request.putObject("asset").put("code", "USD").put("scale", 2);
        return request;
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private AutoPeeringRefusal.Type refusal(byte[] body) {
        AutoPeeringRefusal refused = catchThrowableOfType(AutoPeeringRefusal.class, () -> acceptor.accept(body));
        assertThat(refused).as("refusal").isNotNull();
        return refused.type();
    }

    @Test
    void shouldCreateThePeerWithCrossedTokensAndTheDefaultCreditLine() {
        AutoPeeringMessages.Answer answer = acceptor.accept(bytes(request()));

        assertThat(answer.staticIlpAddress()).isEqualTo("test.us");
        assertThat(answer.ilpConnectorUrl()).isEqualTo("http://127.0.0.1:3002");
        assertThat(answer.name()).contains("Us");
        assertThat(answer.httpToken()).hasSize(43).isNotEqualTo("their-token");
        PeerRecord peer = fixture.services.store().peers().get(0);
        assertThat(peer.staticIlpAddress().value()).isEqualTo("test.them");
        assertThat(peer.endpoint()).hasToString("http://127.0.0.1:4002");
        assertThat(peer.outgoingToken()).isEqualTo(answer.httpToken());
        assertThat(peer.maxPacketAmount()).hasValue(1000);
        assertThat(peer.name()).contains("Them");
        assertThat(fixture.tokens.peerIdByHash(InMemoryIncomingTokens.sha256("their-token"))).contains(peer.id());
        assertThat(fixture.services.peers().liquidity(peer)).isEqualTo(BigInteger.valueOf(5_000));
    }

    @Test
    void shouldUpdateAndRotateTokensOnARepeatedRequestWithoutGrantingMoreCredit() {
        AutoPeeringMessages.Answer first = acceptor.accept(bytes(request()));
        AutoPeeringMessages.Answer second = acceptor.accept(bytes(request().put("httpToken", "new-token")
                .put("ilpConnectorUrl", "http://127.0.0.1:5002")));

        assertThat(fixture.services.store().peers()).hasSize(1);
        PeerRecord peer = fixture.services.store().peers().get(0);
        assertThat(second.httpToken()).isNotEqualTo(first.httpToken()).isEqualTo(peer.outgoingToken());
        assertThat(peer.endpoint()).hasToString("http://127.0.0.1:5002");
        assertThat(fixture.tokens.peerIdByHash(InMemoryIncomingTokens.sha256("their-token"))).isEmpty();
        assertThat(fixture.tokens.peerIdByHash(InMemoryIncomingTokens.sha256("new-token"))).contains(peer.id());
        assertThat(fixture.services.peers().liquidity(peer)).isEqualTo(BigInteger.valueOf(5_000));
    }

    @Test
    void shouldRefuseAnUnknownAssetAndCreateNothing() {
        ObjectNode request = request();
        request.putObject("asset").put("code", "EUR").put("scale", 2);

        assertThat(refusal(bytes(request))).isEqualTo(AutoPeeringRefusal.Type.UnknownAsset);
        assertThat(fixture.services.store().peers()).isEmpty();
    }

    @Test
    void shouldRefuseEachMissingFieldAsMisconfiguredAndCreateNothing() {
        for (String field : List.of("ilpConnectorUrl", "staticIlpAddress", "httpToken", "asset")) {
            ObjectNode request = request();
            request.remove(field);
            assertThat(refusal(bytes(request))).as(field)
                    .isEqualTo(AutoPeeringRefusal.Type.InvalidPeerIlpConfiguration);
        }
        ObjectNode noScale = request();
        noScale.putObject("asset").put("code", "USD");
        assertThat(refusal(bytes(noScale))).isEqualTo(AutoPeeringRefusal.Type.InvalidPeerIlpConfiguration);
        assertThat(fixture.services.store().peers()).isEmpty();
    }

    @Test
    void shouldRefuseBadValuesAsMisconfiguredAndCreateNothing() {
        List<ObjectNode> bad = List.of(request().put("staticIlpAddress", "not an address"),
                request().put("staticIlpAddress", "test.us.child"), request().put("ilpConnectorUrl", "ftp://x"),
                request().put("ilpConnectorUrl", "not a url"), request().put("httpToken", "has space"),
                request().put("maxPacketAmount", -1), request().put("maxPacketAmount", "18446744073709551616"),
                request().put("maxPacketAmount", 1.5), request().put("name", "x".repeat(201)),
                request().put("ilpConnectorAddress", "http://elsewhere:1"));
        for (ObjectNode request : bad) {
            assertThat(refusal(bytes(request))).as(request.toString())
                    .isEqualTo(AutoPeeringRefusal.Type.InvalidPeerIlpConfiguration);
        }
        assertThat(fixture.services.store().peers()).isEmpty();
    }

    @Test
    void shouldReadRafikisOlderConnectorFieldName() {
        ObjectNode request = request();
        request.remove("ilpConnectorUrl");
        request.put("ilpConnectorAddress", "http://127.0.0.1:4002");

        acceptor.accept(bytes(request));

        assertThat(fixture.services.store().peers().get(0).endpoint()).hasToString("http://127.0.0.1:4002");
    }

    @Test
    void shouldRefuseABodyThatIsNoJsonObject() {
        for (String body : List.of("", "not json", "[1]", "\"text\"")) {
            assertThat(refusal(body.getBytes(StandardCharsets.UTF_8))).as(body)
                    .isEqualTo(AutoPeeringRefusal.Type.InvalidPeeringRequest);
        }
    }

    @Test
    void shouldRefuseAddressesOutsideTheAllowedPrefixes() {
        AutoPeeringAcceptor limited = new AutoPeeringAcceptor(fixture.services, US, 0,
                List.of(IlpAddress.of("test.friends")));

        AutoPeeringRefusal refused = catchThrowableOfType(AutoPeeringRefusal.class,
                () -> limited.accept(bytes(request())));
        limited.accept(bytes(request().put("staticIlpAddress", "test.friends.bob")));

        assertThat(refused.type()).isEqualTo(AutoPeeringRefusal.Type.PeeringNotAllowed);
        assertThat(refused.body()).isEqualTo(Map.of("error", Map.of("code", 403, "message",
                "This node does not auto-peer with that ILP address", "type", "PeeringNotAllowed")));
        assertThat(fixture.services.store().peers()).extracting(p -> p.staticIlpAddress().value())
                .containsExactly("test.friends.bob");
        assertThat(fixture.services.peers().liquidity(fixture.services.store().peers().get(0))).isZero();
    }

    @Test
    void shouldRefuseATokenAnotherPeerUses() {
        acceptor.accept(bytes(request()));

        assertThat(refusal(bytes(request().put("staticIlpAddress", "test.other"))))
                .isEqualTo(AutoPeeringRefusal.Type.InvalidPeeringRequest);
        assertThat(fixture.services.store().peers()).hasSize(1);
    }
}
