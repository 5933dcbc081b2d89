package org.kiungo.admin;

import org.kiungo.peering.PeeringStore;
import org.kiungo.peering.PeeringStores;

/** Webhook delivery over the embedded H2 store. */
final class EmbeddedWebhookDeliveryTest extends WebhookDeliveryContractTest {
    @Override
    PeeringStore openStore() {
        return PeeringStores.embedded(directory.resolve("peering"));
    }
}
