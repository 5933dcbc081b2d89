package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

class PendingRepliesTest {
    private final PendingReplies pending = new PendingReplies();

    @Test
    void shouldTakeTheFirstReplyFromThePeerThePrepareWentTo() {
        UUID id = UUID.randomUUID();
        CompletableFuture<Reply> waiting = pending.register(id, "b").orElseThrow();
        Reject late = Reject.of(ErrorCode.T00_INTERNAL_ERROR, Fixtures.US, "late");

        assertThat(pending.deliver("c", id, late)).isEqualTo(PendingReplies.Delivery.UNKNOWN);
        assertThat(pending.deliver("b", id, Fixtures.fulfill())).isEqualTo(PendingReplies.Delivery.ACCEPTED);
        assertThat(pending.deliver("b", id, late)).isEqualTo(PendingReplies.Delivery.DUPLICATE);
        assertThat(waiting.join()).isEqualTo(Fixtures.fulfill());

        pending.forget(id);
        assertThat(pending.deliver("b", id, late)).isEqualTo(PendingReplies.Delivery.UNKNOWN);
        assertThat(pending.size()).isZero();
    }

    @Test
    void shouldRefuseToWaitForMoreThanTheLimit() {
        for (int i = 0; i < PendingReplies.PENDING_MAX; i++) {
            assertThat(pending.register(UUID.randomUUID(), "b")).isPresent();
        }

        assertThat(pending.register(UUID.randomUUID(), "b")).isEmpty();
        assertThat(pending.size()).isEqualTo(PendingReplies.PENDING_MAX);
    }
}
