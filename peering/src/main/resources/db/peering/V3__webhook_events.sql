-- Liquidity alarms and webhook events (C6). The upper thresholds join the lower ones on assets and peers.
ALTER TABLE peering_assets ADD COLUMN liquidity_high_threshold BIGINT;
ALTER TABLE peering_peers ADD COLUMN liquidity_high_threshold BIGINT;

-- Every event the node raised, kept after delivery so the admin API can show it. next_attempt_at_ms is null once
-- the event is delivered or given up; data is the event's JSON object as sent.
CREATE TABLE webhook_events (
    id VARCHAR(36) PRIMARY KEY,
    type VARCHAR(64) NOT NULL,
    data VARCHAR NOT NULL,
    created_at_ms BIGINT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at_ms BIGINT,
    delivered_at_ms BIGINT,
    last_status INTEGER,
    last_error VARCHAR(500)
);
CREATE INDEX webhook_events_next_attempt ON webhook_events (next_attempt_at_ms);
CREATE INDEX webhook_events_created ON webhook_events (created_at_ms, id);

-- Which alarms of a liquidity account are raised, so a restart neither repeats an event nor misses a recovery.
CREATE TABLE liquidity_alarms (
    account_id VARCHAR(36) PRIMARY KEY,
    low_raised BOOLEAN NOT NULL,
    high_raised BOOLEAN NOT NULL
);
