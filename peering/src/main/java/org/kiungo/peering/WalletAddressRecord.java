package org.kiungo.peering;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.Peer;
import org.kiungo.connector.RateLimit;

/**
 * A wallet address (payment pointer) the node owns, as the store keeps it.
 *
 * @param url the lower-case {@code https://host/path} the payment pointer stands for
 * @param accountId the wallet's ledger account: what it can spend, and what payments to it credit
 */
public record WalletAddressRecord(UUID id, URI url, Optional<String> publicName, UUID assetId, UUID accountId,
                                  Instant createdAt) {
    /** Wallets' ILP addresses lie under {@code <node address>.wallet}: one segment per wallet below it. */
    public static final String ADDRESS_SEGMENT = "wallet";
    /** Connector peer ids of wallets start with this, so they never clash with peers' UUIDs. */
    public static final String PEER_ID_PREFIX = "wallet-";

    public WalletAddressRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(publicName, "publicName");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The URL path SPSP queries name: {@code /alice}, or {@code /.well-known/pay} for a bare host. */
    public String path() {
        return url.getRawPath();
    }

    /** The id the wallet has in the connector's peer directory. */
    public String peerId() {
        return PEER_ID_PREFIX + id;
    }

    /** The ILP address STREAM connections to this wallet are issued under. */
    public IlpAddress ilpAddress(IlpAddress nodeAddress) {
        return IlpAddress.of(nodeAddress.value() + "." + ADDRESS_SEGMENT + "." + id);
    }

    /**
     * The wallet as the connector sees it: a peer with no link whose liquidity account is the wallet's account, so
     * a packet to the wallet reserves a credit to it and a packet from it a debit, posted only on Fulfill. It takes
     * no part in route exchange.
     */
    public Peer toPeer(AssetRecord asset, IlpAddress nodeAddress) {
        return new Peer(peerId(), publicName.orElse(""), ilpAddress(nodeAddress), asset.accounts().asset(),
                OptionalLong.empty(), Optional.empty(), List.of(), RateLimit.UNLIMITED, accountId, false, false);
    }
}
