-- Wallet addresses the node owns (payment pointers): each in one asset, with its own WALLET account in the ledger.
-- The URL is kept lower-case, as payment pointers compare without case; SPSP finds a wallet by its URL path, so the
-- path is unique on its own.
CREATE TABLE peering_wallet_addresses (
    id VARCHAR(36) PRIMARY KEY,
    url VARCHAR(2048) NOT NULL,
    url_path VARCHAR(2048) NOT NULL UNIQUE,
    public_name VARCHAR(200),
    asset_id VARCHAR(36) NOT NULL REFERENCES peering_assets (id),
    account_id VARCHAR(36) NOT NULL,
    created_at_ms BIGINT NOT NULL
);
