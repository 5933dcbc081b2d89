package org.kiungo.ledger.embedded;

import java.util.UUID;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.Transfer;

/**
 * A change the journal records: the only ways the ledger changes. Only successful changes are recorded; a refused
 * transfer changes nothing and leaves no trace. The last three are the images a snapshot is made of.
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

    /** Snapshot only: an account as it stood, balances included. */
    record AccountImage(Account account) implements Event {
    }

    /** Snapshot only: a pending transfer still reserved; its amounts are already in the account images. */
    record OpenPending(Transfer transfer) implements Event {
    }

    /** Snapshot only: the newest timestamp given out, so that later ones stay unique after archiving. */
    record Watermark(long lastTimestamp) implements Event {
    }
}
