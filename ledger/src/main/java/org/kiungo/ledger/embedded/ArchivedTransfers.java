package org.kiungo.ledger.embedded;

import java.util.List;
import java.util.UUID;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;

/** Finished transfers moved out of the live state: a generation being archived, or a segment on disk. */
interface ArchivedTransfers {
    /** The transfer with {@code id}, or {@code null}. */
    Transfer find(UUID id);

    /** The final state of pending transfer {@code id}, or {@code null} when it is not here. */
    PendingState state(UUID id);

    /** At most {@code max} of the account's transfers with a timestamp above {@code cursor}, oldest first. */
    List<Transfer> after(UUID accountId, long cursor, int max);
}
