package org.kiungo.ledger;

/** Where a pending transfer stands: still reserved, or settled one of three ways. Settled states are final. */
public enum PendingState {
    PENDING,
    POSTED,
    VOIDED,
    EXPIRED
}
