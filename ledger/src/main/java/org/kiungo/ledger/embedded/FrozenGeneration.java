package org.kiungo.ledger.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.kiungo.ledger.Ids;
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
    private final long newestTimeOrderedMillis;

    /** {@code newestTimeOrderedMillis} is the newest time in its time-ordered ids, as for a {@link Segment}. */
    FrozenGeneration(Map<UUID, Transfer> transfers, Map<UUID, PendingState> states,
                     Map<UUID, List<Transfer>> byAccount, long newestTimeOrderedMillis) {
        this.transfers = transfers;
        this.states = states;
        this.byAccount = byAccount;
        this.newestTimeOrderedMillis = newestTimeOrderedMillis;
    }

    private boolean open(UUID id) {
        return states.get(id) == PendingState.PENDING;
    }

    private boolean mayHold(UUID id) {
        long millis = Ids.timeOrderedMillis(id);
        return millis < 0 || millis <= newestTimeOrderedMillis;
    }

    @Override
    public Transfer find(UUID id) {
        Transfer found = mayHold(id) ? transfers.get(id) : null;
        return found == null || open(id) ? null : found;
    }

    @Override
    public PendingState state(UUID id) {
        PendingState found = mayHold(id) ? states.get(id) : null;
        return found == PendingState.PENDING ? null : found;
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

    /** Each account's finished transfers, accounts in the archive's id order, transfers oldest first. */
    SortedMap<UUID, List<Transfer>> finishedByAccount() {
        SortedMap<UUID, List<Transfer>> finished = new TreeMap<>(Segment.ID_ORDER);
        byAccount.forEach((account, all) -> {
            List<Transfer> done = new ArrayList<>(all.size());
            for (Transfer transfer : all) {
                if (!open(transfer.id())) done.add(transfer);
            }
            if (!done.isEmpty()) finished.put(account, done);
        });
        return finished;
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
