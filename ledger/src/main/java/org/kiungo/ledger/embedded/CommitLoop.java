package org.kiungo.ledger.embedded;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountChecks;
import org.kiungo.ledger.CreateAccountResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit in two threads. The writer takes every queued call (up to {@link #DRAIN_MAX}), applies them to the
 * in-memory state one after another, and writes their events to the journal. The flusher makes written frames
 * durable with one fdatasync for everything written since its last one, then completes the calls' futures. While
 * the flusher waits for the disk, the writer is already applying the next calls, so a slow fsync lowers latency
 * but not throughput: the more callers wait, the more each fsync carries.
 */
final class CommitLoop {
    /** Most calls applied between two journal writes. */
    static final int DRAIN_MAX = 1024;
    /**
     * Most pending transfers expired per batch, so that a burst of expiries cannot stall the writer; dropping the
     * deadlines of settled ones costs a read each and is not counted.
     */
    static final int EXPIRE_MAX = 4096;
    /** How often the writer wakes with nothing queued, to release expired reservations. */
    static final long SWEEP_INTERVAL_MS = 50;
    /** Most written batches waiting for an fsync; the writer blocks beyond it (back-pressure from the disk). */
    static final int FLUSH_QUEUE_MAX = 64;

    private static final Logger LOG = LoggerFactory.getLogger(CommitLoop.class);

    /** A call's result, handed out once the journal is durable up to where the call was written. */
    private record Completion(CompletableFuture<Object> future, Object result) {
    }

    /** The calls of one batch, to complete once {@code journal} is durable up to {@code journalSize}. */
    private record Written(Journal journal, long journalSize, List<Completion> completions, boolean last) {
    }

    private final BlockingQueue<Command> commands;
    private final BlockingQueue<Written> written = new ArrayBlockingQueue<>(FLUSH_QUEUE_MAX);
    private final LedgerState state;
    private final TransferProcessor processor;
    private final Generations generations;
    private final Clock clock;
    private final Thread writer;
    private final Thread flusher;
    private volatile Throwable failure;

    CommitLoop(BlockingQueue<Command> commands, LedgerState state, Generations generations, Clock clock) {
        this.commands = commands;
        this.state = state;
        this.processor = new TransferProcessor(state);
        this.generations = generations;
        this.clock = clock;
        this.writer = Thread.ofPlatform().name("ledger-writer").daemon().unstarted(this::runWriter);
        this.flusher = Thread.ofPlatform().name("ledger-flusher").daemon().unstarted(this::runFlusher);
    }

    void start() {
        writer.start();
        flusher.start();
    }

    /** Waits for both threads to finish after a {@link Command.Stop}. */
    void join() throws InterruptedException {
        writer.join();
        flusher.join();
    }

    /** Why the ledger stopped accepting work, or {@code null} while it is healthy. */
    Throwable failure() {
        return failure;
    }

    private void runWriter() {
        List<Command> batch = new ArrayList<>(DRAIN_MAX);
        List<Event> events = new ArrayList<>();
        boolean stop = false;
        try {
            while (!stop) {
                if (failure != null) throw new IOException("the journal failed", failure);
                Command first = commands.poll(SWEEP_INTERVAL_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    commands.drainTo(batch, DRAIN_MAX - 1);
                }
                stop = writeBatch(batch, events);
                batch.clear();
                events.clear();
            }
            generations.finish(state);
        } catch (Throwable e) {
            fail(e, batch);
            try {
                written.put(new Written(generations.journal(), 0, List.of(), true));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Applies and writes one batch; returns whether it held the stop command. */
    private boolean writeBatch(List<Command> batch, List<Event> events) throws IOException, InterruptedException {
        generations.poll(state);
        Journal journal = generations.journal();
        long now = nanos(clock.instant());
        processor.expireDue(now, EXPIRE_MAX, events);
        journal.append(events, 0, events.size());
        List<Completion> completions = new ArrayList<>(batch.size());
        List<Completion> beforeDurable = new ArrayList<>();
        boolean stop = false;
        for (Command command : batch) {
            int mark = events.size();
            switch (command) {
                case Command.CreateTransfers c -> (c.beforeDurable() ? beforeDurable : completions).add(new Completion(
                        erase(c.future()), Arrays.asList(processor.createTransfers(c.transfers(), now, events))));
                case Command.CreateAccounts c -> completions.add(new Completion(erase(c.future()),
                        createAccounts(c.accounts(), now, events)));
                case Command.Read c -> completions.add(new Completion(c.future(), c.query().apply(state)));
                case Command.Stop c -> stop = true;
            }
            journal.append(events, mark, events.size());
        }
        journal.writeFrame();
        // In the operating system's hands now: they survive a crash of this process, and anything durable later
        // (a post of one of them included) makes them durable too, since the journal is forced in order.
        beforeDurable.forEach(completion -> completion.future().complete(completion.result()));
        if (!completions.isEmpty() || stop) written.put(new Written(journal, journal.size(), completions, stop));
        if (!stop && generations.due()) {
            // Tells the flusher that nothing more comes in this journal, so it can make it durable and close it.
            written.put(new Written(journal, journal.size(), List.of(), false));
            generations.next(state);
        }
        return stop;
    }

    private List<CreateAccountResult> createAccounts(List<Account> accounts, long now, List<Event> events) {
        CreateAccountResult[] results = new CreateAccountResult[accounts.size()];
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            CreateAccountResult result = AccountChecks.fieldError(account);
            AccountEntry existing = state.accounts.get(account.id());
            if (result == null && existing != null) result = AccountChecks.existsResult(account, existing.created);
            if (result == null) {
                Account created = new Account(account.id(), account.ledger(), account.code(), account.flags(),
                        0, 0, 0, 0, state.nextTimestamp(now));
                state.applyAccount(created);
                events.add(new Event.AccountCreated(created));
                result = CreateAccountResult.OK;
            }
            results[i] = result;
        }
        return Arrays.asList(results);
    }

    /**
     * Completes written calls once their frames are durable. Batches arrive in journal order: when they move on to
     * a new journal, the previous one has seen its last frame, so it is made durable and closed first.
     */
    private void runFlusher() {
        List<Written> ready = new ArrayList<>(FLUSH_QUEUE_MAX);
        Journal current = null;
        long durable = 0;
        boolean last = false;
        while (!last) {
            try {
                ready.add(written.take());
                written.drainTo(ready);
                for (Written batch : ready) {
                    if (batch.journal() == current) continue;
                    if (current != null) closeJournal(current);
                    current = batch.journal();
                    durable = 0;
                }
                Written newest = ready.get(ready.size() - 1);
                if (failure == null && newest.journalSize() > durable) {
                    current.force();
                    durable = newest.journalSize();
                }
            } catch (Throwable e) {
                fail(e, List.of());
            }
            for (Written batch : ready) {
                complete(batch);
                last |= batch.last();
            }
            ready.clear();
        }
        if (current != null) closeQuietly(current);
    }

    private void closeJournal(Journal journal) throws IOException {
        if (failure == null) journal.force();
        journal.close();
    }

    private void complete(Written batch) {
        for (Completion completion : batch.completions()) {
            if (failure == null) {
                completion.future().complete(completion.result());
            } else {
                completion.future().completeExceptionally(failure);
            }
        }
    }

    private static void closeQuietly(Journal journal) {
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("cannot close the ledger journal", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Object> erase(CompletableFuture<?> future) {
        return (CompletableFuture<Object>) future;
    }

    /**
     * An I/O error leaves the journal in an unknown state: stop for good rather than acknowledge anything that
     * might not be durable. Queued and unacknowledged calls fail; the node must restart and recover.
     */
    private void fail(Throwable e, List<Command> inFlight) {
        if (failure == null) LOG.error("ledger stopped: the journal failed", e);
        failure = e;
        inFlight.forEach(command -> failCommand(command, e));
        for (Command command; (command = commands.poll()) != null; ) {
            failCommand(command, e);
        }
    }

    static void failCommand(Command command, Throwable e) {
        switch (command) {
            case Command.CreateTransfers c -> c.future().completeExceptionally(e);
            case Command.CreateAccounts c -> c.future().completeExceptionally(e);
            case Command.Read c -> c.future().completeExceptionally(e);
            case Command.Stop c -> { }
        }
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), LedgerState.NANOS_PER_SECOND),
                instant.getNano());
    }
}
