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
 * <p><b>Journal format.</b> One file per generation, {@code journal-g.klj}: an 8-byte header (magic {@code KLJ1},
 * version 1), then
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
 * <p><b>Recovery.</b> On open, the newest snapshot is loaded and the journals from its generation on are replayed
 * frame by frame through the same {@code apply} methods used live, so replay needs no validation and reproduces
 * exactly the acknowledged state. Replay stops at the
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
 * {@code PENDING_TRANSFER_EXPIRED} even if the sweeper has not reached it yet. Deadlines wait in one queue per
 * timeout ({@code Expiries}): timestamps increase as transfers are applied, so each queue is in deadline order
 * by construction; a post or void leaves its entry for the sweep to drop, and each generation rebuilds the queues
 * from the pending transfers it carries over, which bounds them.
 *
 * <p><b>The live state in primitive arrays.</b> The transfers of the current generation live in a
 * {@code TransferStore}: fixed-width records in one array of longs, appended in timestamp order, found by id
 * through an open-addressing index, with a pending transfer's state in its record; each account lists its records
 * as ints. Held as objects (a transfer, its ids, map nodes) they survived several young collections each and the
 * garbage collector's copying cost more CPU than applying them; as arrays it never scans them. A time-ordered id
 * newer than every id stored is known absent without a read, as for the segments below. What remains is a cache
 * miss or two per lookup of a random id, so the writer reads the index slots of the next transfers of a batch
 * ahead, in a loop whose misses overlap, before it applies them one by one.
 *
 * <p><b>Memory and recovery time: generations, snapshots and the archive.</b> Idempotency ({@code EXISTS}) and
 * the queries need every transfer ever made, but memory need not hold them. Every
 * {@code GENERATION_BYTES_DEFAULT} (16 MiB) of journal the writer closes the generation at a frame boundary: the
 * transfers that are finished (posted at once, posts and voids, pending ones posted, voided or expired) leave the
 * live state, a new journal begins, and the compactor thread writes (1) {@code archive-g.kla}, a memory-mapped
 * segment of those transfers (a hash table by id, then an index by account and timestamp, both built by
 * sequential passes over the frozen store rather than one random write per transfer), (2)
 * {@code snapshot-(g+1).kls}, the live state at the switch (account balances, pending transfers still open, the
 * newest timestamp), in the journal's frame format, then (3) deletes the journals and snapshots it replaces. Each
 * file is written under a temporary name, forced and renamed, and the order makes any crash safe: before the
 * snapshot's rename, recovery uses the older snapshot and both journals and deletes the half-done segment (the next
 * compaction rewrites it); after it, the older files are merely left over and deleted. Until its segment is
 * written the closed generation answers from memory. So the heap holds accounts, open reservations and at most
 * about two generations; recovery reads one snapshot and at most two journals; archived transfers cost disk and
 * page cache only. Lookups that miss the live state search the segments, newest first; ids made by
 * {@code Ids.random()} are time-ordered (UUIDv7), so a fresh id, newer than everything a segment holds, skips it
 * without a read: the packet path never searches the archive. Client-chosen random ids (deposits, withdrawals)
 * are searched in every segment, one or two slot reads each. The rule for the operator: nothing is forgotten; what
 * grows is disk, and the number of segments (one per generation), which slows only lookups of non-time-ordered ids
 * that miss and pages of {@code accountTransfers}; merging old segments is not done yet.
 */
package org.kiungo.ledger.embedded;
