package org.kiungo.peering;

import java.nio.file.Path;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.MutableClock;
import org.kiungo.ledger.embedded.EmbeddedLedger;

/** Peering services over an embedded ledger and the embedded store in {@code directory}, closed together. */
final class PeeringFixture implements AutoCloseable {
    final MutableClock clock = MutableClock.at2026();
    final Ledger ledger;
    final PeeringStore store;
    final InMemoryIncomingTokens tokens = new InMemoryIncomingTokens();
    final InMemoryPeerDirectory peerDirectory = new InMemoryPeerDirectory(tokens);
    final PeeringServices services;

    PeeringFixture(Path directory) {
        ledger = EmbeddedLedger.open(directory.resolve("ledger"), clock);
        store = PeeringStores.embedded(directory.resolve("store"));
        services = PeeringServices.open(store, ledger, new InMemoryAssetDirectory(), peerDirectory, tokens, clock);
    }

    @Override
    public void close() {
        store.close();
        ledger.close();
    }
}
