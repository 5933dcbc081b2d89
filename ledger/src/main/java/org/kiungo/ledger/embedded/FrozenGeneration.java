package org.kiungo.ledger.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;

/**
 * The transfers of a generation once it is closed, answered from memory while its segment is being written. Its
 * maps are no longer changed by anyone, so the writer reads them while the compactor thread archives them. Pending
 * transfers still open when it closed live on in the live state and are skipped here.
 */
final class FrozenGeneration implements ArchivedTransfers {
    private final Map<UUID, Transfer> transfers;
    private final Map<UUID, PendingState> states;
    private final Map<UUID, List<Transfer>> byAccount;

    FrozenGeneration(Map<UUID, Transfer> transfers, Map<UUID, PendingState> states,
                     Map<UUID, List<Transfer>> byAccount) {
        this.transfers = transfers;
        this.states = states;
        this.byAccount = byAccount;
    }

    private boolean open(UUID id) {
        return states.get(id) == PendingState.PENDING;
    }

    @Override
    public Transfer find(UUID id) {
        return open(id) ? null : transfers.get(id);
    }

    @Override
    public PendingState state(UUID id) {
        return open(id) ? null : states.get(id);
    }

    @Override
    public List<Transfer> after(UUID accountId, long cursor, int max) {
        List<Transfer> all = byAccount.getOrDefault(accountId, List.of());
        List<Transfer> found = new ArrayList<>();
        for (int i = LedgerState.firstAfter(all, cursor); i < all.size() && found.size() < max; i++) {
            if (!open(all.get(i).id())) found.add(all.get(i));
        }
        return found;
    }

    /** The finished transfers, each with the final state of a pending one ({@code null} for the others). */
    List<Segment.Entry> finished() {
        List<Segment.Entry> finished = new ArrayList<>(transfers.size());
        for (Transfer transfer : transfers.values()) {
            PendingState state = states.get(transfer.id());
            if (state != PendingState.PENDING) finished.add(new Segment.Entry(transfer, state));
        }
        return finished;
    }
}
