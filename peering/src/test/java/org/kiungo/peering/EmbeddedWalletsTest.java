package org.kiungo.peering;

/** Wallet addresses on the embedded H2 store. */
final class EmbeddedWalletsTest extends WalletsContractTest {
    @Override
    PeeringStore openStore() {
        return PeeringStores.embedded(directory.resolve("peering"));
    }
}
