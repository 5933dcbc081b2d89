package org.kiungo.node;

import java.util.Optional;
import java.util.UUID;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.peering.WalletAddressRecord;
import org.kiungo.peering.Wallets;
import org.kiungo.stream.Wallet;
import org.kiungo.stream.WalletAddresses;

/** The node's stored wallet addresses as the STREAM receiver and the SPSP endpoint look them up, from memory. */
final class WalletDirectory implements WalletAddresses {
    private final Wallets wallets;
    private final IlpAddress nodeAddress;

    WalletDirectory(Wallets wallets, IlpAddress nodeAddress) {
        this.wallets = wallets;
        this.nodeAddress = nodeAddress;
    }

    @Override
    public Optional<Wallet> byPath(String path) {
        return wallets.byPath(path).map(this::wallet);
    }

    @Override
    public Optional<Wallet> byId(String id) {
        try {
            return wallets.byId(UUID.fromString(id)).map(this::wallet);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Wallet wallet(WalletAddressRecord record) {
        var asset = wallets.asset(record);
        return new Wallet(record.id().toString(), asset.code(), asset.scale(), record.ilpAddress(nodeAddress));
    }
}
