/**
 * STREAM payments for the node's wallet addresses (RFC 29, RFC 9, RFC 26, RFC 39).
 *
 * <ul>
 *   <li>{@link org.kiungo.stream.StreamCredentials}: stateless per-connection secrets from {@code STREAM_SECRET}, in
 *       ilp-protocol-stream's token format, with the wallet id and the receipt nonce and secret sealed in the
 *       token, so any replica answers any connection.</li>
 *   <li>{@link org.kiungo.stream.StreamReceiver}: answers Prepares for wallet addresses; credits through
 *       {@link org.kiungo.stream.PaymentCredit} and counts per connection in
 *       {@link org.kiungo.stream.ConnectionTotals} (in memory or Redis) for receipts.</li>
 *   <li>{@link org.kiungo.stream.SpspHandler}: the SPSP endpoint of each wallet, on Jetty's core API;
 *       {@link org.kiungo.stream.PaymentPointer} turns {@code $host/path} into its URL and back.</li>
 *   <li>{@link org.kiungo.stream.StreamSender}: pays a receiver through a {@link org.kiungo.stream.PrepareSender}.</li>
 * </ul>
 *
 * <p>No class here moves money or logs a secret: the ledger is behind {@code PaymentCredit}, and every type that
 * holds a secret prints it as redacted.
 */
package org.kiungo.stream;
