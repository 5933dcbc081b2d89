-- The PostgreSQL ledger engine's tables (org.kiungo.ledger.postgres). Only that engine writes them.
--
-- Amounts and balances are unsigned 64-bit integers. They are stored as numeric(20,0) held to 0 .. 2^64 - 1 by a
-- domain, so that the values in the database are the true amounts, exact, comparable and summable in plain SQL.
-- (A bigint holding the same 64 bits would be cheaper but would show every amount from 2^63 up as negative.) The
-- engine moves amounts to and from Java longs with the two functions below, which read the same 64 bits.

CREATE DOMAIN ledger_u64 AS numeric(20, 0)
    CHECK (VALUE >= 0 AND VALUE <= 18446744073709551615);

-- A Java long (two's complement) as the unsigned amount it carries. Neither function is STRICT: a STRICT CASE
-- would not be inlined, and a function call per value costs more than the rest of an insert.
CREATE FUNCTION ledger_u64(bits bigint) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN bits < 0 THEN bits::numeric + 18446744073709551616 ELSE bits::numeric END $$;

-- An unsigned amount as the Java long with the same 64 bits.
CREATE FUNCTION ledger_bits(amount numeric) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN amount >= 9223372036854775808 THEN (amount - 18446744073709551616)::bigint
                      ELSE amount::bigint END $$;

-- Flags are TigerBeetle's bits: 2 = debits must not exceed credits, 4 = credits must not exceed debits. The two
-- limit checks repeat the engine's in the database, so that no bug can commit an overdrawn account.
CREATE TABLE ledger_accounts (
    id              uuid PRIMARY KEY,
    ledger          integer    NOT NULL CHECK (ledger <> 0),
    code            integer    NOT NULL CHECK (code <> 0),
    flags           integer    NOT NULL,
    debits_pending  ledger_u64 NOT NULL,
    debits_posted   ledger_u64 NOT NULL,
    credits_pending ledger_u64 NOT NULL,
    credits_posted  ledger_u64 NOT NULL,
    -- Creation time, nanoseconds since the epoch.
    "timestamp"     bigint     NOT NULL,
    -- The newest timestamp given to a transfer of this account: the next one is later, so that an account's
    -- transfers have unique, increasing timestamps even when several engines share the database.
    last_timestamp  bigint     NOT NULL,
    CHECK (flags & 2 = 0 OR debits_pending + debits_posted <= credits_posted),
    CHECK (flags & 4 = 0 OR credits_pending + credits_posted <= debits_posted)
);

-- Transfers are immutable, as in TigerBeetle: a row is written once and never updated. A post or void is stored
-- resolved (accounts, ledger, code and amount of its pending transfer).
CREATE TABLE ledger_transfers (
    id                uuid       PRIMARY KEY,
    debit_account_id  uuid       NOT NULL,
    credit_account_id uuid       NOT NULL,
    amount            ledger_u64 NOT NULL,
    -- The pending transfer a post or void settles; the zero UUID otherwise.
    pending_id        uuid       NOT NULL,
    ledger            integer    NOT NULL,
    code              integer    NOT NULL,
    flags             integer    NOT NULL,
    timeout_seconds   bigint     NOT NULL CHECK (timeout_seconds >= 0),
    "timestamp"       bigint     NOT NULL,
    CHECK (debit_account_id <> credit_account_id)
);

-- An account's transfers in timestamp order, for paging.
CREATE INDEX ledger_transfers_debits ON ledger_transfers (debit_account_id, "timestamp");
CREATE INDEX ledger_transfers_credits ON ledger_transfers (credit_account_id, "timestamp");
-- At most one post or void (flags 4 or 8) per pending transfer, whatever the engines do.
CREATE UNIQUE INDEX ledger_transfers_settling ON ledger_transfers (pending_id) WHERE flags & 12 <> 0;

-- The pending transfers still reserved, with their deadlines (nanoseconds; 9223372036854775807 = never). A row
-- leaves when its transfer is posted, voided or expires, so the table and its index stay as small as the number
-- of reservations in flight. A pending transfer with no row here and no post or void has expired.
CREATE TABLE ledger_pending (
    id         uuid   PRIMARY KEY,
    expires_at bigint NOT NULL
);

CREATE INDEX ledger_pending_deadlines ON ledger_pending (expires_at);
