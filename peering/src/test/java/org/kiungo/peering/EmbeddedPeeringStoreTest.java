package org.kiungo.peering;

/** The contract on the embedded H2 store in the test's temporary data directory. */
final class EmbeddedPeeringStoreTest extends PeeringContractTest {
    @Override
    PeeringStore openStore() {
        return PeeringStores.embedded(directory.resolve("peering"));
    }
}
