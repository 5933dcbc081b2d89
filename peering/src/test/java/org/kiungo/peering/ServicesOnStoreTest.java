package org.kiungo.peering;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.MutableClock;
import org.kiungo.ledger.embedded.EmbeddedLedger;

/**
 * Peering services over the store each subclass opens and an embedded ledger, with a USD asset; a restart reopens
 * the store and the services over the same ledger, as a node restart would.
 */
abstract class ServicesOnStoreTest {
    @TempDir
    Path directory;
    final MutableClock clock = MutableClock.at2026();
    Ledger ledger;
    PeeringStore store;
    InMemoryPeerDirectory peers;
    PeeringServices services;
    AssetRecord usd;

    abstract PeeringStore openStore();

    @BeforeEach
    void open() {
        ledger = EmbeddedLedger.open(directory.resolve("ledger"), clock);
        store = openStore();
        start();
        usd = services.assets().create("USD", 2, OptionalLong.empty(), OptionalLong.empty());
    }

    @AfterEach
    void close() {
        store.close();
        ledger.close();
    }

    void restart() {
        store.close();
        store = openStore();
        start();
    }

    private void start() {
        InMemoryIncomingTokens tokens = new InMemoryIncomingTokens();
        peers = new InMemoryPeerDirectory(tokens);
        services = PeeringServices.open(store, ledger, new InMemoryAssetDirectory(), peers, tokens, clock);
    }
}
