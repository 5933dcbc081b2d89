package org.kiungo.stream;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * One STREAM connection, as the receiver recovers it from the destination address of a Prepare: everything it needs
 * to answer the packet, derived from the server secret with no stored state.
 *
 * @param connectionId a stable, non-secret identifier of the connection (hex of a hash of its token), the key of
 *     its running total
 * @param destination the address the connection was issued for, token included
 * @param walletId the wallet the connection pays into (the connection tag sealed in the token)
 * @param sharedSecret the 32-byte STREAM shared secret; callers must not modify the returned array
 * @param receipts the receipt nonce and secret, when the SPSP query asked for receipts
 */
public record StreamConnection(String connectionId, IlpAddress destination, String walletId, byte[] sharedSecret,
                               Optional<ReceiptSetup> receipts) {
    public StreamConnection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(walletId, "walletId");
        sharedSecret = Objects.requireNonNull(sharedSecret, "sharedSecret").clone();
        Objects.requireNonNull(receipts, "receipts");
    }

    /** The shared secret; callers must not modify the returned array. */
    @Override
    public byte[] sharedSecret() {
        return sharedSecret;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamConnection that && connectionId.equals(that.connectionId)
                && destination.equals(that.destination) && walletId.equals(that.walletId)
                && Arrays.equals(sharedSecret, that.sharedSecret) && receipts.equals(that.receipts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectionId, destination, walletId, Arrays.hashCode(sharedSecret), receipts);
    }

    /** Never shows the shared secret or the receipt secret. */
    @Override
    public String toString() {
        return "StreamConnection[connectionId=" + connectionId + ", walletId=" + walletId + ", receipts="
                + receipts.isPresent() + "]";
    }
}
