package org.kiungo.ledger.embedded;

import java.util.UUID;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;

/**
 * A change the journal records. The first three are the only ways the ledger changes; the images are what a
 * snapshot holds. Only successful changes are recorded: a refused transfer changes nothing and leaves no trace.
 */
sealed interface Event {
    /** A new account with zero balances. */
    record AccountCreated(Account account) implements Event {
    }

    /** A transfer as applied, with post/void fields resolved from the pending transfer. */
    record TransferCreated(Transfer transfer) implements Event {
    }

    /** A pending transfer whose timeout passed, released by the sweeper. */
    record PendingExpired(UUID pendingId) implements Event {
    }

    /** Snapshot: an account with its balances. */
    record AccountImage(Account account) implements Event {
    }

    /** Snapshot: a transfer, whose effect is already in the account images. */
    record TransferImage(Transfer transfer) implements Event {
    }

    /** Snapshot: the state of a pending transfer. */
    record PendingImage(UUID pendingId, PendingState state) implements Event {
    }
}
