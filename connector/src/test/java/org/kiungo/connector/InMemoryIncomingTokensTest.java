package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InMemoryIncomingTokensTest {
    private final InMemoryIncomingTokens tokens = new InMemoryIncomingTokens();

    @Test
    void shouldFindThePeerThatOwnsAToken() {
        tokens.add("peer-a", "token-a");
        tokens.add("peer-b", "token-b");

        assertThat(tokens.peerId("token-a")).contains("peer-a");
        assertThat(tokens.peerId("token-b")).contains("peer-b");
    }

    @Test
    void shouldFindNobodyForAnUnknownOrEmptyToken() {
        tokens.add("peer-a", "token-a");

        assertThat(tokens.peerId("token-A")).isEmpty();
        assertThat(tokens.peerId("")).isEmpty();
        assertThat(tokens.peerId(null)).isEmpty();
    }

    @Test
    void shouldGiveOnePeerSeveralTokens() {
        tokens.add("peer-a", "old");
        tokens.add("peer-a", "new");
        tokens.add("peer-a", "new");

        assertThat(tokens.peerId("old")).contains("peer-a");
        assertThat(tokens.peerId("new")).contains("peer-a");
    }

    @Test
    void shouldRefuseATokenAnotherPeerHasWithoutNamingIt() {
        tokens.add("peer-a", "shared-secret-token");

        assertThatThrownBy(() -> tokens.add("peer-b", "shared-secret-token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("shared-secret-token");
        assertThat(tokens.peerId("shared-secret-token")).contains("peer-a");
    }

    @Test
    void shouldRefuseAnEmptyToken() {
        assertThatThrownBy(() -> tokens.add("peer-a", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldForgetEveryTokenOfARemovedPeer() {
        tokens.add("peer-a", "one");
        tokens.add("peer-a", "two");
        tokens.add("peer-b", "three");

        tokens.removePeer("peer-a");

        assertThat(tokens.peerId("one")).isEmpty();
        assertThat(tokens.peerId("two")).isEmpty();
        assertThat(tokens.peerId("three")).contains("peer-b");
    }
}
