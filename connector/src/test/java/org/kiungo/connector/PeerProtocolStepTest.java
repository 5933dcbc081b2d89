package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.NOW;
import static org.kiungo.connector.Fixtures.US;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.peer;
import static org.kiungo.connector.Fixtures.prepare;
import static org.kiungo.connector.Fixtures.reject;

import org.junit.jupiter.api.Test;
import org.kiungo.codec.ildcp.IldcpRequest;
import org.kiungo.codec.ildcp.IldcpResponse;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.ledger.MutableClock;

class PeerProtocolStepTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final PeerProtocolStep step = new PeerProtocolStep(US, clock, new RouteExchange() {
        @Override
        public Reply control(Peer from, Prepare prepare) {
            return Reject.of(ErrorCode.F99_APPLICATION_ERROR, US, "control from " + from.id());
        }

        @Override
        public Reply update(Peer from, Prepare prepare) {
            return Reject.of(ErrorCode.F99_APPLICATION_ERROR, US, "update from " + from.id());
        }
    });

    private Reply handle(Peer from, Prepare prepare) {
        return step.handle(new IncomingRequest(from, prepare), request -> Fixtures.fulfill());
    }

    @Test
    void shouldAnswerIldcpWithTheChildAddressAndTheAsset() throws Exception {
        Reply reply = handle(peer("alice", "test.elsewhere", USD), new IldcpRequest(NOW.plusSeconds(60))
                .toPrepare());

        IldcpResponse response = IldcpResponse.fromFulfill((Fulfill) reply);
        assertThat(response).isEqualTo(new IldcpResponse(IlpAddress.of("test.us.alice"), 2, "USD"));
    }

    @Test
    void shouldAnswerIldcpWithThePeersOwnAddressWhenItIsAlreadyOurChild() throws Exception {
        Reply reply = handle(peer("alice", "test.us.child", USD), new IldcpRequest(NOW.plusSeconds(60))
                .toPrepare());

        assertThat(IldcpResponse.fromFulfill((Fulfill) reply).clientAddress()).isEqualTo(
                IlpAddress.of("test.us.child"));
    }

    @Test
    void shouldRefuseAnIldcpRequestWithoutThePeerProtocolConditionWithF00() {
        Reply reply = handle(peer("alice", "test.a", USD), prepare(0, "peer.config"));

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.F00_BAD_REQUEST);
        assertThat(reject(reply).triggeredBy()).isEqualTo(US.value());
    }

    @Test
    void shouldHandRouteControlAndRouteUpdateToTheRouteExchange() {
        assertThat(reject(handle(peer("alice", "test.a", USD), prepare(0, "peer.route.control"))).message())
                .isEqualTo("control from alice");
        assertThat(reject(handle(peer("bob", "test.b", USD), prepare(0, "peer.route.update"))).message())
                .isEqualTo("update from bob");
        assertThat(reject(handle(peer("bob", "test.b", USD), prepare(0, "peer.route.other"))).code())
                .isEqualTo(ErrorCode.F02_UNREACHABLE);
    }

    @Test
    void shouldRefuseRouteExchangeWithF02WhenItIsDisabled() {
        PeerProtocolStep disabled = new PeerProtocolStep(US, clock, RouteExchange.disabled(US));

        Reply reply = disabled.handle(new IncomingRequest(peer("a", "test.a", USD), prepare(0, "peer.route.update")),
                request -> Fixtures.fulfill());

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.F02_UNREACHABLE);
    }

    @Test
    void shouldRefuseAnUnknownPeerProtocolAndPassEverythingElse() {
        assertThat(reject(handle(peer("a", "test.a", USD), prepare(0, "peer.settle"))).code())
                .isEqualTo(ErrorCode.F02_UNREACHABLE);
        assertThat(handle(peer("a", "test.a", USD), prepare(0, "test.b"))).isInstanceOf(Fulfill.class);
    }
}
