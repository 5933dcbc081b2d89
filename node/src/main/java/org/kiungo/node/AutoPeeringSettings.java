package org.kiungo.node;

import java.util.List;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * How the auto-peering server treats requests: the credit line granted to each peer it creates
 * ({@code AUTO_PEERING_DEFAULT_LIQUIDITY}) and the addresses allowed to ask ({@code AUTO_PEERING_ALLOWED_PREFIXES},
 * empty for any).
 */
public record AutoPeeringSettings(long defaultLiquidity, List<IlpAddress> allowedPrefixes) {
    public AutoPeeringSettings {
        allowedPrefixes = List.copyOf(allowedPrefixes);
    }
}
