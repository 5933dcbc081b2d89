package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.US;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.peer;
import static org.kiungo.connector.Fixtures.prepare;
import static org.kiungo.connector.Fixtures.reject;

import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.Reply;

class ValidateStepTest {
    private final ValidateStep step = new ValidateStep(US);

    private Reply handle(String destination) {
        return step.handle(new IncomingRequest(peer("a", "test.a", USD), prepare(1, destination)),
                request -> Fixtures.fulfill());
    }

    @Test
    void shouldPassDestinationsInOurSchemeAndPeerProtocols() {
        assertThat(handle("test.b.alice")).isInstanceOf(Fulfill.class);
        assertThat(handle("peer.config")).isInstanceOf(Fulfill.class);
    }

    @Test
    void shouldRejectADestinationInAnotherSchemeWithF02() {
        assertThat(reject(handle("g.b.alice")).code()).isEqualTo(ErrorCode.F02_UNREACHABLE);
        assertThat(reject(handle("self.x")).triggeredBy()).isEqualTo(US.value());
    }
}
