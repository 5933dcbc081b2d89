package org.kiungo.ledger;

import static org.kiungo.ledger.CreateTransferResult.OK;

import java.util.List;

/**
 * Applies a {@code createTransfers} batch in order so that each chain of {@link TransferFlags#LINKED} transfers
 * succeeds or fails as one: when a transfer of a chain fails, what the chain applied is rolled back, the chain's
 * other transfers answer {@code LINKED_EVENT_FAILED}, and a chain still open at the end of the batch answers
 * {@code LINKED_EVENT_CHAIN_OPEN}. Shared by every engine, which supplies how to apply one transfer and undo.
 */
public final class LinkedChains {
    private LinkedChains() {
    }

    /** How an engine applies transfers to the state it holds, and takes them back. */
    public interface Applier {
        /** Checks and applies one transfer; on any result but {@code OK} nothing has changed. */
        CreateTransferResult apply(Transfer transfer);

        /** A point in the applied changes to roll back to. */
        int mark();

        /** Undoes every change applied since {@code mark}, newest first. */
        void rollback(int mark);
    }

    /** One result per transfer of {@code batch}, in order. */
    public static CreateTransferResult[] apply(List<Transfer> batch, Applier applier) {
        CreateTransferResult[] results = new CreateTransferResult[batch.size()];
        int chainStart = -1;
        int chainMark = 0;
        for (int i = 0; i < batch.size(); i++) {
            Transfer transfer = batch.get(i);
            boolean linked = transfer.flags().linked();
            if (chainStart < 0 && linked) {
                chainStart = i;
                chainMark = applier.mark();
            }
            results[i] = linked && i == batch.size() - 1 ? CreateTransferResult.LINKED_EVENT_CHAIN_OPEN
                    : applier.apply(transfer);
            if (chainStart < 0) continue;
            if (results[i] != OK) {
                applier.rollback(chainMark);
                i = failChain(batch, results, chainStart, i);
                chainStart = -1;
            } else if (!linked) {
                chainStart = -1;
            }
        }
        return results;
    }

    /** Fails the rest of the chain around the transfer that failed; returns the index of the chain's last one. */
    private static int failChain(List<Transfer> batch, CreateTransferResult[] results, int chainStart, int failed) {
        for (int i = chainStart; i < failed; i++) {
            results[i] = CreateTransferResult.LINKED_EVENT_FAILED;
        }
        int last = failed;
        while (batch.get(last).flags().linked() && last + 1 < batch.size()) {
            last++;
            results[last] = CreateTransferResult.LINKED_EVENT_FAILED;
        }
        return last;
    }
}
