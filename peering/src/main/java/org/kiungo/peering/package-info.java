/**
 * Assets, peers, incoming tokens and liquidity operations: what an operator manages through the admin API. Peers
 * can also be made by protocol: Rafiki's auto-peering ({@link org.kiungo.peering.AutoPeeringAcceptor} answers,
 * {@link org.kiungo.peering.RemotePeering} asks) and WebFinger peering (seed 003, Appendix A:
 * {@link org.kiungo.peering.WebFingerHandler} publishes the {@link org.kiungo.peering.NodeKey},
 * {@link org.kiungo.peering.WebFingerSecrets} derives the shared token and prefix); both end in
 * {@link org.kiungo.peering.Peers#createOrUpdate}, so they obey the same rules as {@code createPeer}.
 * {@link org.kiungo.peering.PeeringServices} checks each request, writes the ledger and the store, and updates the
 * connector's in-memory directories in the same call, so every change takes effect on the next packet.
 *
 * <h2>Storage, and why H2 for the embedded store</h2>
 * One store interface, {@link org.kiungo.peering.PeeringStore}, and one JDBC implementation over two databases:
 * PostgreSQL when {@code DATABASE_URL} is set, and otherwise an embedded H2 database in a file in the node's
 * data directory. Both run the same Flyway migrations ({@code db/peering}, history table
 * {@code kiungo_peering_schema_history}) and the same SQL, written in the subset both understand. We chose this
 * over the alternatives because:
 * <ul>
 *   <li>one SQL means one implementation to review, and the contract test suite runs the identical code on both
 *   databases, so "same behaviour in both modes" is tested rather than hoped for;</li>
 *   <li>H2 is pure Java (no native library to ship per platform, unlike SQLite's JDBC driver), transactional and
 *   crash-safe (its MVStore writes copy-on-write pages and commits atomically), and Flyway supports it in its
 *   core;</li>
 *   <li>a hand-written journal (as the ledger has, for speed) buys nothing here: admin changes are rare, while
 *   unique keys, transactions and queries would all have to be rewritten by hand.</li>
 * </ul>
 * The embedded store is opened by one process at a time, which the node's data-directory lock already ensures.
 * Amounts are unsigned 64-bit values kept in {@code BIGINT} columns with the same bits; incoming tokens are kept
 * only as SHA-256 hashes.
 */
package org.kiungo.peering;
