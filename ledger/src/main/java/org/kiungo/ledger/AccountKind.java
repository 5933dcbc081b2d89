package org.kiungo.ledger;

/** What an account is for; its {@link #code()} is the account's {@code code} in the ledger. */
public enum AccountKind {
    /** A peer's credit line: what the peer may send us. Debits must not exceed credits. */
    PEER_LIQUIDITY(1),
    /** The node's own liquidity in an asset, spent on the outgoing leg of cross-asset packets. */
    ASSET_LIQUIDITY(2),
    /** Where money enters and leaves the ledger: the other side of deposits and withdrawals. */
    SETTLEMENT(3),
    /** A customer's wallet address. */
    WALLET(4);

    private final int code;

    AccountKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
