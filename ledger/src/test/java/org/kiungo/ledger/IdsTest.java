package org.kiungo.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void shouldMakeTimeOrderedVersionSevenIdsThatCarryTheirMillis() {
        long before = System.currentTimeMillis();
        UUID id = Ids.random();
        long after = System.currentTimeMillis();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(Ids.timeOrderedMillis(id)).isBetween(before, after);
        assertThat(Ids.random()).isNotEqualTo(Ids.random());
    }

    @Test
    void shouldSayThatOtherIdsCarryNoTime() {
        assertThat(Ids.timeOrderedMillis(UUID.randomUUID())).isEqualTo(-1);
        assertThat(Ids.timeOrderedMillis(Ids.ZERO)).isEqualTo(-1);
        assertThat(Ids.timeOrderedMillis(Ids.MAX)).isEqualTo(-1);
    }
}
