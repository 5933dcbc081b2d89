/**
 * The embedded ledger engine: no server, one directory, the whole state in memory.
 *
 * <p><b>Why a journal of our own rather than an embedded database.</b> The packet path needs hundreds of
 * thousands of balance checks a second with exact results under any concurrency. Applying every change on one
 * writer thread gives that with no lock on the hot path and no lost update by construction; what remains is to
 * make the changes durable, and an append-only log with group commit does that with one sequential write and one
 * fdatasync per batch. An embedded database would add a dependency, a second copy of the state and a
 * transaction per batch for nothing the log does not already give.
 *
 * <p><b>Journal format.</b> One file, {@code journal.klj}: an 8-byte header (magic {@code KLJ1}, version 1), then
 * frames {@code [int payloadLength][int crc32c][payload]}, the payload a run of fixed-width events: account
 * created, transfer created (post and void stored resolved, with the pending transfer's accounts and amount) and
 * pending transfer expired. Only successful changes are recorded: a refused transfer changes nothing and leaves
 * no trace. All events of one {@code createTransfers} call share a frame, so a linked chain is never cut in two.
 *
 * <p><b>Group commit.</b> Calls wait in a bounded queue. The writer thread drains it (up to
 * {@code CommitLoop.DRAIN_MAX} calls), applies each call to the state in order, appends the events and writes
 * the frame. The flusher thread then makes everything written so far durable with a single
 * {@code FileChannel.force} and only then completes the futures of the calls concerned, reads included, so no
 * caller ever sees a change that a crash could take back. While the flusher waits for the disk the writer
 * applies the next calls: the slower the fsync, the more it carries.
 *
 * <p><b>Recovery.</b> On open, the journal is replayed frame by frame through the same {@code apply} methods
 * used live, so replay needs no validation and reproduces exactly the acknowledged state. Replay stops at the
 * first frame that is torn (shorter than its header says) or corrupt (bad length or CRC); the file is cut there
 * and appending continues. Only unacknowledged calls can be in such a frame, since a future completes after the
 * fsync that covers its frame.
 *
 * <p><b>Expiry and pending withdrawals.</b> Pending transfers are journaled like every other transfer, packet
 * reservations included: they ride in the same fsync as the rest, so this costs bytes, not latency. That makes a
 * pending withdrawal survive a restart with no special case, and a reservation of a packet in flight at a crash
 * comes back pending and is released when its timeout passes, as any other. Expiry is an event of its own: the
 * writer sweeps due deadlines before every batch, and at least every {@code CommitLoop.SWEEP_INTERVAL_MS} when
 * idle, at most {@code CommitLoop.EXPIRE_MAX} per sweep. A post or void of a transfer past its deadline gets
 * {@code PENDING_TRANSFER_EXPIRED} even if the sweeper has not reached it yet.
 *
 * <p><b>Recovery time.</b> This engine keeps every account and transfer in memory, because idempotency
 * ({@code EXISTS}) and the queries need them; the journal holds the same events, one per transfer, so replay is
 * proportional to the ledger's size, like its memory. A snapshot would not shrink that bound while everything is
 * kept: it pays off once finished packet transfers are folded out of memory, and will arrive with that change
 * (snapshot file plus a new journal segment, same frame format, images of accounts, transfers and pending states).
 */
package org.kiungo.ledger.embedded;
