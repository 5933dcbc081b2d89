package org.kiungo.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kiungo.ledger.MutableClock;

class MemoryConnectionTotalsTest extends ConnectionTotalsContract {
    private final MutableClock clock = MutableClock.at2026();

    @Override
    ConnectionTotals totals() {
        return new MemoryConnectionTotals(clock);
    }

    @Test
    void shouldForgetATotalOnceItsTimeToLiveHasPassedSinceTheLastAddition() {
        MemoryConnectionTotals totals = new MemoryConnectionTotals(clock, 10, Duration.ofMinutes(5));
        totals.add("c1", 40);
        clock.advance(Duration.ofMinutes(4));
        totals.add("c1", 2);
        clock.advance(Duration.ofMinutes(4));

        assertThat(totals.add("c1", 0)).isEqualTo(42);

        clock.advance(Duration.ofMinutes(5));
        assertThat(totals.add("c1", 1)).isEqualTo(1);
    }

    @Test
    void shouldRefuseANewConnectionWhenFullOfLiveOnes() {
        MemoryConnectionTotals totals = new MemoryConnectionTotals(clock, 2, Duration.ofMinutes(5));
        totals.add("c1", 1);
        totals.add("c2", 1);

        assertThatThrownBy(() -> totals.add("c3", 1)).isInstanceOfSatisfying(TotalsException.class,
                e -> assertThat(e.reason()).isEqualTo(TotalsException.Reason.FULL));
        assertThat(totals.add("c1", 1)).isEqualTo(2);
    }

    @Test
    void shouldMakeRoomByDroppingExpiredConnectionsWhenFull() {
        MemoryConnectionTotals totals = new MemoryConnectionTotals(clock, 2, Duration.ofMinutes(5));
        totals.add("c1", 1);
        totals.add("c2", 1);
        clock.advance(Duration.ofMinutes(6));

        assertThat(totals.add("c3", 9)).isEqualTo(9);
    }

    @Test
    void shouldRefuseANonPositiveBoundOrTimeToLive() {
        assertThatThrownBy(() -> new MemoryConnectionTotals(clock, 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryConnectionTotals(clock, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
