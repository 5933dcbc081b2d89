package org.kiungo.peering;

/** The liquidity alarms on the embedded H2 store. */
final class EmbeddedLiquidityAlarmsTest extends LiquidityAlarmsContractTest {
    @Override
    PeeringStore openStore() {
        return PeeringStores.embedded(directory.resolve("peering"));
    }
}
