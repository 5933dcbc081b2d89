-- One SQL for PostgreSQL and the embedded H2 store: only types and constraints both understand.
-- Unsigned 64-bit amounts are kept as the signed BIGINT with the same bits; ids are UUID strings.
CREATE TABLE peering_assets (
    id VARCHAR(36) PRIMARY KEY,
    code VARCHAR(64) NOT NULL,
    scale INTEGER NOT NULL,
    ledger INTEGER NOT NULL UNIQUE,
    liquidity_account_id VARCHAR(36) NOT NULL,
    settlement_account_id VARCHAR(36) NOT NULL,
    liquidity_threshold BIGINT,
    withdrawal_threshold BIGINT,
    created_at_ms BIGINT NOT NULL,
    CONSTRAINT peering_assets_code_scale UNIQUE (code, scale)
);

CREATE TABLE peering_peers (
    id VARCHAR(64) PRIMARY KEY,
    name VARCHAR(200),
    static_ilp_address VARCHAR(1023) NOT NULL,
    asset_id VARCHAR(36) NOT NULL REFERENCES peering_assets (id),
    max_packet_amount BIGINT,
    liquidity_threshold BIGINT,
    endpoint VARCHAR NOT NULL,
    outgoing_token VARCHAR NOT NULL,
    routes VARCHAR NOT NULL,
    liquidity_account_id VARCHAR(36) NOT NULL,
    created_at_ms BIGINT NOT NULL,
    CONSTRAINT peering_peers_address_asset UNIQUE (static_ilp_address, asset_id)
);

-- Only SHA-256 hashes of incoming tokens, hex: a copy of the database gives nobody a usable token.
CREATE TABLE peering_incoming_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    peer_id VARCHAR(64) NOT NULL REFERENCES peering_peers (id) ON DELETE CASCADE
);

CREATE TABLE peering_withdrawals (
    id VARCHAR(36) PRIMARY KEY,
    account_owner VARCHAR(5) NOT NULL,
    owner_id VARCHAR(64) NOT NULL,
    amount BIGINT NOT NULL,
    timeout_seconds BIGINT,
    created_at_ms BIGINT NOT NULL
);

CREATE TABLE peering_idempotency (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    operation VARCHAR(64) NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    response VARCHAR NOT NULL,
    created_at_ms BIGINT NOT NULL
);
