package org.kiungo.stream;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Wallet addresses held in memory, at most {@link #WALLETS_MAX}; thread-safe. */
public final class MemoryWalletAddresses implements WalletAddresses {
    /** More wallets than this belong in the database, not in memory. */
    public static final int WALLETS_MAX = 10_000;

    private final Map<String, Wallet> byPath = new ConcurrentHashMap<>();
    private final Map<String, Wallet> byId = new ConcurrentHashMap<>();

    /**
     * Adds or replaces the wallet at {@code path}.
     *
     * @param path the HTTP path, starting with {@code /}
     * @throws IllegalStateException when {@link #WALLETS_MAX} wallets are held already
     */
    public synchronized MemoryWalletAddresses put(String path, Wallet wallet) {
        Objects.requireNonNull(wallet, "wallet");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("wallet path must start with /: " + path);
        }
        if (!byPath.containsKey(path) && byPath.size() >= WALLETS_MAX) {
            throw new IllegalStateException("in-memory wallet addresses hold their maximum of " + WALLETS_MAX);
        }
        Wallet previous = byPath.put(path, wallet);
        if (previous != null) {
            byId.remove(previous.id());
        }
        byId.put(wallet.id(), wallet);
        return this;
    }

    @Override
    public Optional<Wallet> byPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    @Override
    public Optional<Wallet> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
