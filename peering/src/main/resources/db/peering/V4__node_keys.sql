-- The node's own long-lived keys, kept in the peering store so that every replica of a node has the same ones.
-- 'webfinger-x25519': the private value of Appendix A of the connector-to-connector draft, hex.
CREATE TABLE peering_node_keys (
    name VARCHAR(64) PRIMARY KEY,
    key_hex VARCHAR(256) NOT NULL,
    created_at_ms BIGINT NOT NULL
);
