package org.kiungo.peering;

import java.net.URI;
import java.util.Objects;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * What this node tells the nodes it peers with: its static ILP address ({@code ILP_ADDRESS}), where its connector
 * takes ILP-over-HTTP requests ({@code ILP_CONNECTOR_URL}) and its name ({@code INSTANCE_NAME}).
 */
public record NodeIdentity(IlpAddress ilpAddress, URI ilpConnectorUrl, String instanceName) {
    public NodeIdentity {
        Objects.requireNonNull(ilpAddress, "ilpAddress");
        Objects.requireNonNull(ilpConnectorUrl, "ilpConnectorUrl");
        Objects.requireNonNull(instanceName, "instanceName");
    }
}
