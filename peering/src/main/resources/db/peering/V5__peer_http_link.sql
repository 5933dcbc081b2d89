-- How the node sends packets to a peer over ILP over HTTP (RFC 35): http_mode says whether the peer answers in the
-- response (SYNCHRONOUS, what every older connector speaks) or by a request to our callback URL (ASYNCHRONOUS);
-- http2 whether it speaks HTTP/2 by prior knowledge (h2c on an http endpoint) instead of HTTP/1.1. Existing peers
-- keep what they were sent before: synchronous HTTP/1.1.
ALTER TABLE peering_peers ADD COLUMN http_mode VARCHAR(16) DEFAULT 'SYNCHRONOUS' NOT NULL;
ALTER TABLE peering_peers ADD CONSTRAINT peering_peers_http_mode CHECK (http_mode IN ('SYNCHRONOUS', 'ASYNCHRONOUS'));
ALTER TABLE peering_peers ADD COLUMN http2 BOOLEAN DEFAULT FALSE NOT NULL;
