package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.US;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.peer;
import static org.kiungo.connector.Fixtures.prepare;
import static org.kiungo.connector.Fixtures.reject;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Reply;

class RouteStepTest {
    private final InMemoryPeerDirectory directory = new InMemoryPeerDirectory(new InMemoryIncomingTokens());
    private final AtomicReference<OutgoingRequest> sent = new AtomicReference<>();
    private final RouteStep step = new RouteStep(US, Router.following(directory), request -> {
        sent.set(request);
        return Fixtures.fulfill();
    });
    private final Peer a = peer("a", "test.a", USD);
    private final Peer b = peer("b", "test.b", USD).withRoutes(List.of(IlpAddress.of("test.c")));

    RouteStepTest() {
        directory.add(a, List.of());
        directory.add(b, List.of());
    }

    private Reply handle(Peer from, String destination) {
        return step.handle(new IncomingRequest(from, prepare(5, destination)));
    }

    @Test
    void shouldHandTheRoutedPacketToTheOutgoingSteps() {
        assertThat(handle(a, "test.c.carol")).isInstanceOf(Fulfill.class);

        assertThat(sent.get().from()).isEqualTo(a);
        assertThat(sent.get().to()).isEqualTo(b);
        assertThat(sent.get().outgoing()).isEqualTo(sent.get().incoming());
    }

    @Test
    void shouldRejectAnUnknownDestinationWithF02() {
        Reply reply = handle(a, "test.nowhere.x");

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.F02_UNREACHABLE);
        assertThat(reject(reply).triggeredBy()).isEqualTo(US.value());
        assertThat(sent.get()).isNull();
    }

    @Test
    void shouldNeverRouteBackToTheSendingPeer() {
        Reply reply = handle(b, "test.c.carol");

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.F02_UNREACHABLE);
        assertThat(reject(reply).message()).contains("back to the sending peer");
        assertThat(sent.get()).isNull();
    }
}
