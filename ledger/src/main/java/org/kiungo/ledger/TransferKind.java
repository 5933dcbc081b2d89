package org.kiungo.ledger;

/** Why a transfer was made; its {@link #code()} is the transfer's {@code code} in the ledger. */
public enum TransferKind {
    PACKET(1),
    DEPOSIT(2),
    WITHDRAWAL(3);

    private final int code;

    TransferKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
