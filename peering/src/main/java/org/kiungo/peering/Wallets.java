package org.kiungo.peering;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.connector.LocalReceivers;
import org.kiungo.connector.PacketHandler;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountKind;
import org.kiungo.ledger.Ids;

/**
 * The wallet addresses (payment pointers) the node owns: created with a ledger account in their asset, kept in the
 * store and held in memory, so the SPSP endpoint and the STREAM receiver find a wallet without a database query.
 * Once {@link #serve} has been called, each wallet is a peer of the connector with an in-process receiver: packets
 * to it reserve a credit to its account, packets from it a debit, each posted only when the packet is fulfilled.
 */
public final class Wallets {
    /** Most wallet addresses per node: each is a peer in the connector's in-memory directory. */
    public static final int WALLETS_MAX = InMemoryPeerDirectory.PEERS_MAX / 2;
    public static final int URL_LENGTH_MAX = 2_048;
    public static final int PUBLIC_NAME_LENGTH_MAX = 200;
    /** The path a payment pointer without one stands for (RFC 26). */
    public static final String WELL_KNOWN_PATH = "/.well-known/pay";

    private final PeeringStore store;
    private final Assets assets;
    private final LedgerAccounts accounts;
    private final LiquidityOperations liquidity;
    private final InMemoryPeerDirectory directory;
    private final Clock clock;
    private final Object mutations;
    private final Map<UUID, WalletAddressRecord> byId = new ConcurrentHashMap<>();
    private final Map<String, WalletAddressRecord> byPath = new ConcurrentHashMap<>();
    private Served served;

    /** Where wallets are served once {@link #serve} is called. */
    private record Served(IlpAddress nodeAddress, LocalReceivers receivers, PacketHandler receiver) {
    }

    Wallets(PeeringStore store, Assets assets, LedgerAccounts accounts, LiquidityOperations liquidity,
            InMemoryPeerDirectory directory, Clock clock, Object mutations) {
        this.store = store;
        this.assets = assets;
        this.accounts = accounts;
        this.liquidity = liquidity;
        this.directory = directory;
        this.clock = clock;
        this.mutations = mutations;
        store.walletAddresses().forEach(this::remember);
    }

    /**
     * Creates a wallet address at {@code url} ({@code https://host/path} or the payment pointer {@code $host/path})
     * in asset {@code assetId}, with its ledger account. Refused when the URL is not one (BAD_USER_INPUT), the asset
     * does not exist (NOT_FOUND) or another wallet has the same path (DUPLICATE); a refusal changes nothing.
     */
    public WalletAddressRecord create(String assetId, String url, Optional<String> publicName) {
        AssetRecord asset = assets.get(assetId);
        URI normalized = url(url);
        Optional<String> name = publicName.filter(n -> !n.isEmpty());
        if (name.isPresent() && (name.get().length() > PUBLIC_NAME_LENGTH_MAX
                || name.get().chars().anyMatch(Character::isISOControl))) {
            throw Inputs.bad("publicName must have at most " + PUBLIC_NAME_LENGTH_MAX
                    + " characters and no control characters");
        }
        synchronized (mutations) {
            if (byPath.containsKey(normalized.getRawPath())) {
                throw new PeeringException(PeeringError.DUPLICATE, "a wallet address with path "
                        + normalized.getRawPath() + " exists already");
            }
            if (byId.size() >= WALLETS_MAX) {
                throw new PeeringException(PeeringError.FORBIDDEN, "the node holds " + WALLETS_MAX
                        + " wallet addresses, its maximum");
            }
            WalletAddressRecord wallet = new WalletAddressRecord(UUID.randomUUID(), normalized, name, asset.id(),
                    Ids.random(), clock.instant());
            accounts.create(wallet.accountId(), asset.ledger(), AccountKind.WALLET);
            store.insertWalletAddress(wallet);
            remember(wallet);
            if (served != null) {
                attach(wallet, served);
            }
            return wallet;
        }
    }

    /** The wallet address with {@code id}; NOT_FOUND when there is none, BAD_USER_INPUT when it is no UUID. */
    public WalletAddressRecord get(String id) {
        UUID uuid = Inputs.uuid("id", id);
        return byId(uuid).orElseThrow(() -> new PeeringException(PeeringError.NOT_FOUND,
                "there is no wallet address with id " + uuid));
    }

    public Optional<WalletAddressRecord> byId(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The wallet whose URL has {@code path}, compared without case. */
    public Optional<WalletAddressRecord> byPath(String path) {
        return Optional.ofNullable(byPath.get(path.toLowerCase(Locale.ROOT)));
    }

    /** The wallet at {@code url}, an https URL or payment pointer compared without case; BAD_USER_INPUT if neither. */
    public Optional<WalletAddressRecord> byUrl(String url) {
        URI normalized = url(url);
        return byPath(normalized.getRawPath()).filter(wallet -> wallet.url().equals(normalized));
    }

    /** A page of wallet addresses, oldest first. */
    public Page<WalletAddressRecord> page(Integer first, String after, Integer last, String before) {
        return store.walletAddressPage(Page.Request.of(first, after, last, before));
    }

    /** The asset a wallet is denominated in. */
    public AssetRecord asset(WalletAddressRecord wallet) {
        return assets.get(wallet.assetId().toString());
    }

    /** The wallet's account with its balances, live from the ledger. */
    public Account account(WalletAddressRecord wallet) {
        return accounts.ledger().lookupAccount(wallet.accountId()).orElseThrow(() -> new IllegalStateException(
                "the ledger has no account for wallet address " + wallet.id()));
    }

    /** Adds {@code amount} to the wallet's balance from its asset's settlement account: money the customer paid in. */
    public void deposit(String walletId, UUID transferId, long amount) {
        WalletAddressRecord wallet = get(walletId);
        liquidity.depositToAccount(wallet.accountId(), asset(wallet), transferId, amount);
    }

    /**
     * Serves every wallet from now on: each becomes a peer of the connector at
     * {@code <nodeAddress>.wallet.<id>}, and packets routed to it go to {@code receiver} in-process.
     */
    public void serve(IlpAddress nodeAddress, LocalReceivers receivers, PacketHandler receiver) {
        synchronized (mutations) {
            if (served != null) {
                throw new IllegalStateException("wallet addresses are served already");
            }
            served = new Served(nodeAddress, receivers, receiver);
            byId.values().forEach(wallet -> attach(wallet, served));
        }
    }

    /**
     * Takes in the wallets other replicas on the same database created, and puts back in the connector's directory
     * any served wallet missing there (a refresh of the directory from the store's peers removes them, since wallets
     * are not peers in the store). Cheap when nothing changed: one query, no directory change.
     */
    public void refresh() {
        synchronized (mutations) {
            for (WalletAddressRecord wallet : store.walletAddresses()) {
                if (!byId.containsKey(wallet.id()) && byId.size() < WALLETS_MAX) {
                    remember(wallet);
                }
            }
            if (served != null) {
                byId.values().stream().filter(wallet -> directory.peer(wallet.peerId()).isEmpty())
                        .forEach(wallet -> attach(wallet, served));
            }
        }
    }

    private void attach(WalletAddressRecord wallet, Served to) {
        directory.addHashed(wallet.toPeer(asset(wallet), to.nodeAddress()), List.of());
        to.receivers().register(wallet.peerId(), to.receiver());
    }

    private void remember(WalletAddressRecord wallet) {
        byId.put(wallet.id(), wallet);
        byPath.put(wallet.path(), wallet);
    }

    /** {@code https://host[:port]/path} or {@code $host/path}, lower-case, with the well-known path for none. */
    static URI url(String value) {
        if (value == null || value.isBlank() || value.length() > URL_LENGTH_MAX) {
            throw Inputs.bad("url must be an https URL or a payment pointer of at most " + URL_LENGTH_MAX
                    + " characters");
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        String candidate = text.startsWith("$") ? "https://" + text.substring(1) : text;
        try {
            URI uri = new URI(candidate);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")
                        ? WELL_KNOWN_PATH : uri.getRawPath();
                return new URI("https", null, uri.getHost(), uri.getPort(), path, null, null);
            }
        } catch (URISyntaxException e) {
            // Falls through to the refusal below.
        }
        throw Inputs.bad("url must be an https URL such as https://wallet.example/alice, or a payment pointer such as"
                + " $wallet.example/alice, with no user, query or fragment");
    }
}
