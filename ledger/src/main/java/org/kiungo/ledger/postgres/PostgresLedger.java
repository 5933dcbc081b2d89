package org.kiungo.ledger.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.CallQueue;
import org.kiungo.ledger.CreateAccountResult;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferPage;

/**
 * The PostgreSQL engine: accounts and transfers in tables, for production and for several node replicas sharing
 * one database. Calls are gathered by one committer thread and applied in one transaction per batch; futures
 * complete after the commit. Engines on one database never overdraw an account together: every change happens
 * under the row locks of the accounts it touches. See the package documentation for the design.
 */
public final class PostgresLedger implements Ledger {
    /** Connections in the pool an engine opens for itself: the committer and the expiry sweeper use one each. */
    public static final int POOL_SIZE_MAX = 4;
    /** How long opening the pool waits for PostgreSQL before it fails. */
    static final long CONNECT_TIMEOUT_MS_MAX = 10_000;

    private final CallQueue<Call> calls = new CallQueue<>();
    private final Committer committer;
    private final AutoCloseable ownedPool;

    private PostgresLedger(DataSource dataSource, Clock clock, AutoCloseable ownedPool) {
        this.ownedPool = ownedPool;
        this.committer = new Committer(calls.queue(), dataSource, clock);
        committer.start();
    }

    /**
     * Opens the ledger in the schema that {@code dataSource}'s connections use, creating or upgrading its tables
     * first. The caller keeps the data source and closes it after this ledger. Time comes from {@code clock}.
     */
    public static PostgresLedger open(DataSource dataSource, Clock clock) {
        LedgerSchema.migrate(dataSource);
        return new PostgresLedger(dataSource, clock, null);
    }

    /** Opens the ledger at {@code url} with a pool of its own, closed with the ledger. */
    public static PostgresLedger open(DatabaseUrl url, Clock clock) {
        HikariDataSource pool = pool(url);
        try {
            LedgerSchema.migrate(pool);
            return new PostgresLedger(pool, clock, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** A small pool for the ledger; fails at once, without the password, when PostgreSQL cannot be reached. */
    static HikariDataSource pool(DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("kiungo-ledger");
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) config.setUsername(url.user());
        if (url.password() != null) config.setPassword(url.password());
        config.setMaximumPoolSize(POOL_SIZE_MAX);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS_MAX);
        config.setInitializationFailTimeout(CONNECT_TIMEOUT_MS_MAX);
        return new HikariDataSource(config);
    }

    @Override
    public CompletableFuture<List<CreateAccountResult>> createAccounts(List<Account> accounts) {
        CallQueue.checkBatch(accounts.size());
        CompletableFuture<List<CreateAccountResult>> future = new CompletableFuture<>();
        return submit(new Call.CreateAccounts(List.copyOf(accounts), future), future);
    }

    @Override
    public CompletableFuture<List<CreateTransferResult>> createTransfers(List<Transfer> transfers) {
        CallQueue.checkBatch(transfers.size());
        CompletableFuture<List<CreateTransferResult>> future = new CompletableFuture<>();
        return submit(new Call.CreateTransfers(List.copyOf(transfers), true, future), future);
    }

    /**
     * Commits reservations and voids without waiting for the disk (PostgreSQL's asynchronous commit): they are
     * visible to every engine on the database once committed, and the next durable commit, such as the post that
     * settles a reservation, flushes the write-ahead log up to itself, so it carries them along.
     */
    @Override
    public CompletableFuture<List<CreateTransferResult>> createReservations(List<Transfer> transfers) {
        CallQueue.checkBatch(transfers.size());
        Ledger.requireReservations(transfers);
        CompletableFuture<List<CreateTransferResult>> future = new CompletableFuture<>();
        return submit(new Call.CreateTransfers(List.copyOf(transfers), false, future), future);
    }

    private <T> CompletableFuture<T> submit(Call call, CompletableFuture<T> future) {
        return calls.submit(call, future);
    }

    @Override
    public List<Account> lookupAccounts(List<UUID> ids) {
        List<UUID> copy = List.copyOf(ids);
        return read(connection -> LedgerQueries.accounts(connection, copy));
    }

    @Override
    public List<Transfer> lookupTransfers(List<UUID> ids) {
        List<UUID> copy = List.copyOf(ids);
        return read(connection -> LedgerQueries.transfers(connection, copy));
    }

    @Override
    public Optional<PendingState> pendingState(UUID pendingId) {
        return read(connection -> LedgerQueries.pendingState(connection, pendingId));
    }

    @Override
    public TransferPage accountTransfers(UUID accountId, long cursor, int limit) {
        CallQueue.checkPageLimit(limit);
        return read(connection -> LedgerQueries.accountTransfers(connection, accountId, cursor, limit));
    }

    @Override
    public boolean hasPostedTransfers(UUID accountId) {
        return read(connection -> LedgerQueries.hasPostedTransfers(connection, accountId));
    }

    /**
     * Reads go through the committer, as in the embedded engine: a read sees every call queued before it and no
     * reservation past its deadline, since the committer releases those before a batch with a read.
     */
    private <T> T read(Call.Query query) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        return calls.read(new Call.Read(query, future), future);
    }

    @Override
    public void close() {
        try {
            IllegalStateException closedError = new IllegalStateException("the ledger is closed");
            if (calls.close(new Call.Stop(), committer::join, late -> Call.fail(late, closedError))
                    && ownedPool != null) {
                ownedPool.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the ledger's connection pool", e);
        }
    }
}
