package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.US;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.peer;
import static org.kiungo.connector.Fixtures.prepare;
import static org.kiungo.connector.Fixtures.reject;

import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.AmountTooLargeData;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

class MaxPacketAmountStepTest {
    private final MaxPacketAmountStep step = new MaxPacketAmountStep(US);

    private Reply handle(Peer from, long amount) {
        return step.handle(new IncomingRequest(from, prepare(amount, "test.b")), request -> Fixtures.fulfill());
    }

    @Test
    void shouldPassPacketsUpToTheMaximum() {
        Peer limited = peer("a", "test.a", USD).withMaxPacketAmount(100);

        assertThat(handle(limited, 99)).isInstanceOf(Fulfill.class);
        assertThat(handle(limited, 100)).isInstanceOf(Fulfill.class);
    }

    @Test
    void shouldRejectAPacketAboveTheMaximumWithF08AndItsAmounts() throws Exception {
        Reject reject = reject(handle(peer("a", "test.a", USD).withMaxPacketAmount(100), 101));

        assertThat(reject.code()).isEqualTo(ErrorCode.F08_AMOUNT_TOO_LARGE);
        assertThat(reject.triggeredBy()).isEqualTo(US.value());
        assertThat(AmountTooLargeData.decode(reject.data())).isEqualTo(new AmountTooLargeData(101, 100));
    }

    @Test
    void shouldCompareAmountsAsUnsigned() throws Exception {
        // 2^63 is negative as a signed long but far above the maximum.
        Reject reject = reject(handle(peer("a", "test.a", USD).withMaxPacketAmount(100), Long.MIN_VALUE));

        assertThat(AmountTooLargeData.decode(reject.data()).receivedAmount()).isEqualTo(Long.MIN_VALUE);
        assertThat(handle(peer("a", "test.a", USD).withMaxPacketAmount(-1L), -2L)).isInstanceOf(Fulfill.class);
    }

    @Test
    void shouldPassAnyAmountWhenThePeerHasNoMaximum() {
        assertThat(handle(peer("a", "test.a", USD), -1L)).isInstanceOf(Fulfill.class);
    }
}
