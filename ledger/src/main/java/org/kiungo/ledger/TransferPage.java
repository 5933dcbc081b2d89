package org.kiungo.ledger;

import java.util.List;

/**
 * One page of an account's transfers, oldest first. Pass {@code nextCursor} back to get the next page; it is the
 * timestamp of the last transfer here, and {@code hasMore} says whether another page exists.
 */
public record TransferPage(List<Transfer> transfers, long nextCursor, boolean hasMore) {
    /** The cursor that starts from the account's first transfer. */
    public static final long FIRST = 0;

    public TransferPage {
        transfers = List.copyOf(transfers);
    }
}
