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
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

class FulfillmentCheckStepTest {
    private final FulfillmentCheckStep step = new FulfillmentCheckStep(US);

    private Reply send(Reply downstream) {
        Prepare prepare = prepare(5, "test.b");
        return step.send(new OutgoingRequest(peer("a", "test.a", USD), prepare, peer("b", "test.b", USD), prepare),
                request -> downstream);
    }

    @Test
    void shouldPassAFulfillmentWhoseHashIsTheCondition() {
        assertThat(send(Fixtures.fulfill())).isEqualTo(Fixtures.fulfill());
    }

    @Test
    void shouldTurnAWrongFulfillmentIntoF05() {
        Reply reply = send(new Fulfill(new byte[32], new byte[0]));

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.F05_WRONG_CONDITION);
        assertThat(reject(reply).triggeredBy()).isEqualTo(US.value());
    }

    @Test
    void shouldPassADownstreamRejectUntouched() {
        Reject downstream = new Reject(ErrorCode.F99_APPLICATION_ERROR, "test.c", "no", new byte[] {9});

        assertThat(send(downstream)).isEqualTo(downstream);
    }
}
