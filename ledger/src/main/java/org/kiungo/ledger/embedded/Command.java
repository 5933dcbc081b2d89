package org.kiungo.ledger.embedded;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.CreateAccountResult;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Transfer;

/** A call queued for the writer thread, with the future it completes once its effects are durable. */
sealed interface Command {
    record CreateAccounts(List<Account> accounts, CompletableFuture<List<CreateAccountResult>> future)
            implements Command {
    }

    /** With {@code beforeDurable}, completed once written to the journal, before the fsync (reservations). */
    record CreateTransfers(List<Transfer> transfers, CompletableFuture<List<CreateTransferResult>> future,
                           boolean beforeDurable) implements Command {
    }

    /** A read, answered from the writer's state after everything queued before it. */
    record Read(Function<LedgerState, Object> query, CompletableFuture<Object> future) implements Command {
    }

    /** Finish what is queued, then stop. */
    record Stop() implements Command {
    }
}
