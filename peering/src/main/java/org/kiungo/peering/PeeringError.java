package org.kiungo.peering;

/**
 * Why a peering operation failed, in the admin API's vocabulary: the GraphQL layer turns each into the
 * {@code extensions.code} of the same name, so operators and scripts can branch on it.
 */
public enum PeeringError {
    /** The request itself is wrong: an invalid ILP address, endpoint, amount, id or scale. */
    BAD_USER_INPUT,
    /** The asset, peer or withdrawal named does not exist. */
    NOT_FOUND,
    /** Something with the same identity exists already: asset, peer, incoming token or transfer id. */
    DUPLICATE,
    /** The request clashes with the state it meets: a withdrawal already posted or voided, a key in use. */
    CONFLICT,
    /** The request is well formed but not allowed: too little liquidity, an expired withdrawal, payment history. */
    FORBIDDEN
}
