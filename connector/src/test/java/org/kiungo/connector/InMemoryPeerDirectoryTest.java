package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryPeerDirectoryTest {
    private final InMemoryIncomingTokens tokens = new InMemoryIncomingTokens();
    private final InMemoryPeerDirectory directory = new InMemoryPeerDirectory(tokens);
    private final List<String> events = new ArrayList<>();

    InMemoryPeerDirectoryTest() {
        directory.addListener(new PeerDirectory.Listener() {
            @Override
            public void added(Peer peer) {
                events.add("added " + peer.id());
            }

            @Override
            public void updated(Peer before, Peer after) {
                events.add("updated " + after.id());
            }

            @Override
            public void removed(Peer peer) {
                events.add("removed " + peer.id());
            }
        });
    }

    @Test
    void shouldFindAnAddedPeerAndGiveItItsIncomingTokens() {
        Peer alice = peer("alice", "test.alice", USD);
        directory.add(alice, List.of("token-1", "token-2"));

        assertThat(directory.peer("alice")).contains(alice);
        assertThat(directory.peers()).containsExactly(alice);
        assertThat(tokens.peerId("token-1")).contains("alice");
        assertThat(tokens.peerId("token-2")).contains("alice");
        assertThat(events).containsExactly("added alice");
    }

    @Test
    void shouldTellListenersOfUpdatesAndKeepTheTokens() {
        directory.add(peer("alice", "test.alice", USD), List.of("token-1"));
        Peer changed = directory.peer("alice").orElseThrow().withMaxPacketAmount(10);

        directory.update(changed);

        assertThat(directory.peer("alice")).contains(changed);
        assertThat(tokens.peerId("token-1")).contains("alice");
        assertThat(events).containsExactly("added alice", "updated alice");
    }

    @Test
    void shouldTakeTheTokensAwayWithARemovedPeer() {
        directory.add(peer("alice", "test.alice", USD), List.of("token-1"));

        assertThat(directory.remove("alice")).isTrue();
        assertThat(directory.remove("alice")).isFalse();

        assertThat(directory.peer("alice")).isEmpty();
        assertThat(tokens.peerId("token-1")).isEmpty();
        assertThat(events).containsExactly("added alice", "removed alice");
    }

    @Test
    void shouldRefuseADuplicateIdOrAnotherPeersTokenAndChangeNothing() {
        directory.add(peer("alice", "test.alice", USD), List.of("token-1"));

        assertThatThrownBy(() -> directory.add(peer("alice", "test.other", USD), List.of("token-9")))
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> directory.add(peer("bob", "test.bob", USD), List.of("token-2", "token-1")))
                .hasMessageContaining("already used by another peer")
                .hasMessageNotContaining("token-1");
        assertThat(directory.peer("bob")).isEmpty();
        assertThat(tokens.peerId("token-2")).isEmpty();
        assertThat(tokens.peerId("token-9")).isEmpty();
    }

    @Test
    void shouldRefuseToUpdateAPeerThatDoesNotExist() {
        assertThatThrownBy(() -> directory.update(peer("ghost", "test.ghost", USD)))
                .hasMessageContaining("no peer with id ghost");
    }

    @Test
    void shouldNeverShowTheOutgoingTokenInToString() {
        Peer alice = peer("alice", "test.alice", USD);

        assertThat(alice.toString()).doesNotContain("outgoing-alice").contains("(secret)");
        assertThat(alice.link()).isPresent();
        assertThat(alice.link().get().outgoingToken()).isEqualTo("outgoing-alice");
    }

    @Test
    void shouldRefuseAPeerIdThatIsNotAnAddressSegment() {
        Peer valid = peer("alice", "test.alice", USD);

        assertThatThrownBy(() -> new Peer("a.b", "", valid.staticIlpAddress(), USD, valid.maxPacketAmount(),
                Optional.empty(), List.of(), RateLimit.UNLIMITED, valid.liquidityAccountId()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
