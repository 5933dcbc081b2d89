package org.kiungo.ledger.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;

/**
 * The transfers of a generation once it is closed, answered from memory while its segment is being written. Its
 * store is no longer changed by anyone, so the writer reads it while the compactor thread archives it. Pending
 * transfers still open when it closed live on in the live state and are skipped here.
 */
final class FrozenGeneration implements ArchivedTransfers {
    private final TransferStore transfers;
    private final Map<UUID, RecordList> byAccount;

    FrozenGeneration(TransferStore transfers, Map<UUID, RecordList> byAccount) {
        this.transfers = transfers;
        this.byAccount = byAccount;
    }

    /** The newest time in its time-ordered ids, as for a {@link Segment}. */
    long newestTimeOrderedMillis() {
        return transfers.newestTimeOrderedMillis();
    }

    /** The finished transfer {@code id}'s record, or -1. */
    private int finished(UUID id) {
        int record = transfers.find(id);
        return record < 0 || transfers.open(record) ? -1 : record;
    }

    @Override
    public Transfer find(UUID id) {
        int record = finished(id);
        return record < 0 ? null : transfers.transfer(record);
    }

    @Override
    public PendingState state(UUID id) {
        int record = finished(id);
        return record < 0 ? null : transfers.state(record);
    }

    @Override
    public List<Transfer> after(UUID accountId, long cursor, int max) {
        RecordList all = byAccount.get(accountId);
        List<Transfer> found = new ArrayList<>();
        if (all == null) return found;
        for (int i = all.firstAfter(transfers, cursor); i < all.size() && found.size() < max; i++) {
            if (!transfers.open(all.get(i))) found.add(transfers.transfer(all.get(i)));
        }
        return found;
    }

    /** Every transfer of the generation, open pending ones included: {@link TransferStore#open} tells them. */
    TransferStore transfers() {
        return transfers;
    }

    /** The accounts its transfers move, in the archive's id order. */
    List<UUID> accounts() {
        List<UUID> accounts = new ArrayList<>(byAccount.keySet());
        accounts.sort(Segment.ID_ORDER);
        return accounts;
    }
}
