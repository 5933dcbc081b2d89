/**
 * IL-DCP, the Interledger Dynamic Configuration Protocol (RFC 31): a child asks its parent for its ILP address and
 * asset with a Prepare to {@code peer.config}, and the parent answers with a Fulfill that carries them.
 */
package org.kiungo.codec.ildcp;
