package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.US;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.peer;
import static org.kiungo.connector.Fixtures.prepare;
import static org.kiungo.connector.Fixtures.reject;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;

class ForwardStepTest {
    private final LocalReceivers receivers = new LocalReceivers();
    private final AtomicReference<String> sentOverHttp = new AtomicReference<>();
    private final ForwardStep step = new ForwardStep(US, receivers, (peerId, link, prepare) -> {
        sentOverHttp.set(peerId + " " + link.endpoint());
        return Fixtures.fulfill();
    });

    private Reply send(Peer to) {
        Prepare prepare = prepare(5, "test.b");
        return step.send(new OutgoingRequest(peer("a", "test.a", USD), prepare, to, prepare.withAmount(4)));
    }

    @Test
    void shouldSendOverThePeersHttpLink() {
        assertThat(send(peer("b", "test.b", USD))).isInstanceOf(Fulfill.class);

        assertThat(sentOverHttp.get()).isEqualTo("b http://127.0.0.1:9/ilp");
    }

    @Test
    void shouldPreferALocalReceiverAndHandItTheOutgoingPacket() {
        AtomicReference<String> received = new AtomicReference<>();
        receivers.register("b", (from, prepare) -> {
            received.set(from + " " + prepare.amount());
            return Fixtures.fulfill();
        });

        assertThat(send(peer("b", "test.b", USD))).isInstanceOf(Fulfill.class);

        assertThat(received.get()).isEqualTo("a 4");
        assertThat(sentOverHttp.get()).isNull();
    }

    @Test
    void shouldAnswerT01ForAPeerWithoutALink() {
        Reply reply = send(peer("b", "test.b", USD).withLink(Optional.empty()));

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.T01_PEER_UNREACHABLE);
        assertThat(reject(reply).triggeredBy()).isEqualTo(US.value());
    }
}
