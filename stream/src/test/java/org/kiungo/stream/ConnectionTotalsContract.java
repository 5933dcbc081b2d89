package org.kiungo.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link ConnectionTotals} store must do; each implementation's test extends this. */
abstract class ConnectionTotalsContract {
    /** The store under test, empty for this test. */
    abstract ConnectionTotals totals();

    @Test
    void shouldStartANewConnectionAtItsFirstAmount() {
        assertThat(totals().add("c1", 250)).isEqualTo(250);
    }

    @Test
    void shouldReturnTheRunningTotalAfterEachAddition() {
        ConnectionTotals totals = totals();

        totals.add("c1", 100);
        totals.add("c1", 0);

        assertThat(totals.add("c1", 23)).isEqualTo(123);
    }

    @Test
    void shouldKeepConnectionsApart() {
        ConnectionTotals totals = totals();
        totals.add("c1", 5);

        assertThat(totals.add("c2", 7)).isEqualTo(7);
        assertThat(totals.add("c1", 1)).isEqualTo(6);
    }

    @Test
    void shouldRefuseANegativeAmount() {
        assertThatThrownBy(() -> totals().add("c1", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAnAdditionPastTheLargestTotalAndKeepTheTotal() {
        ConnectionTotals totals = totals();
        totals.add("c1", Long.MAX_VALUE - 10);

        assertThatThrownBy(() -> totals.add("c1", 11)).isInstanceOfSatisfying(TotalsException.class,
                e -> assertThat(e.reason()).isEqualTo(TotalsException.Reason.OVERFLOW));
        assertThat(totals.add("c1", 10)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldKeepTotalsExactBeyondWhatADoubleHolds() {
        ConnectionTotals totals = totals();
        totals.add("c1", (1L << 53) + 1);

        assertThat(totals.add("c1", 2)).isEqualTo((1L << 53) + 3);
    }

    @Test
    void shouldCountEveryAdditionExactlyOnceUnderConcurrency() throws Exception {
        ConnectionTotals totals = totals();
        int threads = 8;
        int additions = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < additions; i++) {
                        totals.add("shared", 3);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(totals.add("shared", 0)).isEqualTo(3L * threads * additions);
    }
}
