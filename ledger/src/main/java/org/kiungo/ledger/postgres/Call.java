package org.kiungo.ledger.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.CreateAccountResult;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Transfer;

/** A call queued for the committer, with the future it completes once its transaction has committed. */
sealed interface Call {
    record CreateAccounts(List<Account> accounts, CompletableFuture<List<CreateAccountResult>> future)
            implements Call {
    }

    /**
     * Transfers to create; when {@code durable} is false they are reservations and voids (see
     * {@link org.kiungo.ledger.Ledger#createReservations}), which may complete once committed but before the commit
     * is flushed to disk.
     */
    record CreateTransfers(List<Transfer> transfers, boolean durable,
                           CompletableFuture<List<CreateTransferResult>> future) implements Call {
    }

    /** A query run after the writes queued before it have committed and due reservations were released. */
    record Read(Query query, CompletableFuture<Object> future) implements Call {
    }

    /** Finish what is queued, then stop. */
    record Stop() implements Call {
    }

    /** A read on a connection of the committer's. */
    @FunctionalInterface
    interface Query {
        Object run(Connection connection) throws SQLException;
    }

    /** Fails the call's future, if it has one. */
    static void fail(Call call, Throwable error) {
        switch (call) {
            case CreateAccounts c -> c.future().completeExceptionally(error);
            case CreateTransfers c -> c.future().completeExceptionally(error);
            case Read c -> c.future().completeExceptionally(error);
            case Stop c -> { }
        }
    }
}
