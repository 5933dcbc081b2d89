package org.kiungo.stream;

import java.util.Objects;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * A wallet address the node owns: what SPSP answers for and what the STREAM receiver credits.
 *
 * @param id stable identifier, sealed in connection tokens: 1 to 128 characters of {@code [A-Za-z0-9_~-]}
 * @param assetCode the wallet's asset, such as {@code USD}
 * @param assetScale the asset's scale, 0 to 255
 * @param addressBase the ILP address connections to this wallet are issued under
 */
public record Wallet(String id, String assetCode, int assetScale, IlpAddress addressBase) {
    public static final int ASSET_SCALE_MAX = 255;

    public Wallet {
        StreamCredentials.requireWalletId(id);
        Objects.requireNonNull(assetCode, "assetCode");
        Objects.requireNonNull(addressBase, "addressBase");
        if (assetCode.isEmpty()) {
            throw new IllegalArgumentException("asset code must not be empty");
        }
        if (assetScale < 0 || assetScale > ASSET_SCALE_MAX) {
            throw new IllegalArgumentException("asset scale must be 0 to 255: " + assetScale);
        }
    }
}
