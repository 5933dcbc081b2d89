/**
 * The PostgreSQL ledger engine: the same accounts, transfers and result codes as the embedded engine, kept in
 * tables that several node replicas share.
 *
 * <p><b>Schema.</b> Flyway migrations in {@code db/ledger}, with their own history table. {@code ledger_accounts}
 * holds the four balances as {@code numeric(20,0)} held to 0 .. 2^64 - 1, with the two limit flags repeated as
 * CHECK constraints so the database itself refuses an overdrawn account; {@code ledger_transfers} is written once
 * per transfer and never updated (a post or void is stored resolved); {@code ledger_pending} holds only the
 * reservations still open, with their deadlines, so the sweeper's index stays as small as the traffic in flight.
 * A pending transfer's state is derived: open while its row is in {@code ledger_pending}, else posted or voided
 * by the one settling transfer (a unique partial index allows no second one), else expired.
 *
 * <p><b>Batching.</b> Callers queue calls; one committer thread per engine drains them (bounded) and applies the
 * writes of a drain in one transaction of two round trips, whatever its size: (1) one multi-statement request
 * locks, in id order, every account the batch names or the pending transfers it settles name
 * ({@code SELECT ... ORDER BY id FOR UPDATE}), then reads the transfers with the batch's ids and pending ids and
 * their reservation states; the batch is then applied in memory by the shared {@code TransferChecks},
 * {@code TransferStateChecks} and {@code LinkedChains}, so both engines answer every transfer with the same code,
 * in the same precedence, chains all or nothing; (2) one statement of data-modifying CTEs over arrays inserts the
 * transfers and reservations, deletes the settled ones and updates each touched account once, followed by the
 * COMMIT in the same request. Only then do the futures complete. The rules run in Java rather than in a PL/pgSQL
 * function because the function would repeat every check in a second language and pay several statements per
 * transfer inside the database, where the two cores are scarcest; the cost of this choice is one extra round trip
 * per batch, not per transfer. The statements run on generic plans, since planning them per batch cost more than
 * running them.
 *
 * <p><b>Durability.</b> A batch holding anything but reservations and voids (accounts, posts, any transfer made
 * through {@code createTransfers}) commits as the server's {@code synchronous_commit} says, so its futures complete
 * once it is on disk. A batch of reservations and voids only ({@code createReservations}) commits with
 * {@code synchronous_commit = off}: it is visible to every engine at once, but reaches the disk a little later, with
 * the next durable commit (the write-ahead log is flushed in order, so a post carries its reservation with it) or
 * by the WAL writer. A crash can thus lose only reservations and voids, which the {@code Ledger} contract allows.
 *
 * <p><b>Replicas.</b> Every change to an account, and to a reservation (whose accounts are then locked too),
 * happens under the account rows' locks, taken in one sorted order by every engine, so engines on one database
 * serialize on shared accounts, never deadlock on them, and never overdraw them together. A transfer id inserted
 * at the same moment by another engine, or a deadlock on anything else, rolls the batch back and retries it, up to
 * {@code BatchWriter.ATTEMPTS_MAX} times. Timestamps stay unique and increasing per account across engines: each
 * account row keeps the newest timestamp given to one of its transfers, and a batch starts after those it locked.
 *
 * <p><b>Expiry.</b> Before a batch with a read the committer, and every {@code Committer.SWEEP_INTERVAL_MS} a
 * sweeping thread of the engine on a connection of its own (so that no batch of the packet path waits for it),
 * release up to {@code ExpirySweeper.EXPIRE_MAX} due reservations, comparing deadlines with the injected clock's
 * time passed as a parameter. A sweep locks the accounts with {@code SKIP LOCKED}, so sweeps and batches, of one
 * engine or of several, neither wait for each other's sweeps nor release one reservation twice. A post or void after
 * the deadline answers {@code PENDING_TRANSFER_EXPIRED} even before a sweep reached it, as in the embedded engine.
 *
 * <p><b>Reads</b> go through the committer as well, after the writes queued before them; they are not on the
 * packet path.
 */
package org.kiungo.ledger.postgres;
