package org.kiungo.stream;

import java.util.Optional;

/**
 * The wallet addresses the node owns, looked up by the HTTP path of their payment pointer (for SPSP) and by id (for
 * the STREAM receiver). The peering module will back this with the database; {@link MemoryWalletAddresses} serves
 * tests and a node without one.
 */
public interface WalletAddresses {
    /** The wallet whose payment pointer resolves to {@code path}, such as {@code /alice} or {@code /.well-known/pay}.
     */
    Optional<Wallet> byPath(String path);

    /** The wallet with {@code id}. */
    Optional<Wallet> byId(String id);
}
