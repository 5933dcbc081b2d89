package org.kiungo.codec.ilp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.codec.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.Vectors;

class PeerProtocolTest {
    @Test
    void shouldUseTheHashOfThirtyTwoZeroBytesAsCondition() {
        JsonNode answer = Vectors.load("peer-protocol.json").get("known_answers").get(0);
        assertThat(PeerProtocol.fulfillment()).isEqualTo(hex(answer.get("fulfillment_hex").asText()));
        assertThat(PeerProtocol.condition()).isEqualTo(hex(answer.get("condition_hex").asText()));
        assertThat(Conditions.of(PeerProtocol.fulfillment())).isEqualTo(PeerProtocol.condition());
        assertThat(new Fulfill(PeerProtocol.fulfillment(), new byte[0]).fulfills(PeerProtocol.condition())).isTrue();
    }

    @Test
    void shouldRecognisePeerDestinations() {
        assertThat(PeerProtocol.isPeerProtocol(IlpAddress.of("peer.config"))).isTrue();
        assertThat(PeerProtocol.isPeerProtocol(IlpAddress.of("g.peer.config"))).isFalse();
    }
}
