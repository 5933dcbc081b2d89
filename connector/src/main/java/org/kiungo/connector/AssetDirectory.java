package org.kiungo.connector;

import java.util.Collection;
import java.util.Optional;

/** Where the connector finds the assets it holds and the node's own accounts in each. */
public interface AssetDirectory {
    /** The asset whose accounts live under {@code ledger}, with its accounts. */
    Optional<AssetAccounts> asset(int ledger);

    /** Every asset, in no particular order. */
    Collection<AssetAccounts> assets();
}
