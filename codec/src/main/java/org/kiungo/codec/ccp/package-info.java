/**
 * CCP, the connector-to-connector routing protocol. It has no RFC; the wire layout follows the reference packages
 * ({@code ilp-protocol-ccp} and interledger-rs {@code interledger-ccp}). A node asks a peer for routes with a
 * {@link org.kiungo.codec.ccp.RouteControlRequest} and receives them in
 * {@link org.kiungo.codec.ccp.RouteUpdateRequest}s; both are Prepares answered by the zero-fulfillment Fulfill.
 */
package org.kiungo.codec.ccp;
