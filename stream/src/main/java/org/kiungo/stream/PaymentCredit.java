package org.kiungo.stream;

/**
 * Where received money goes: the seam between the STREAM receiver, which never moves money itself, and the ledger.
 * The receiver calls it once per packet it is about to fulfil, after every STREAM check has passed, so a credit
 * happens only for packets that are fulfilled; whatever it returns decides the reply.
 */
@FunctionalInterface
public interface PaymentCredit {
    /** What became of a credit. */
    enum Result {
        /** The wallet is credited: the packet is fulfilled. */
        CREDITED,
        /** Not now (a busy ledger, say): a T00 Reject, which the sender retries after a pause. */
        DECLINED_TEMPORARILY,
        /** Never (a closed wallet, say): an F99 Reject closing the connection, so the sender stops. */
        DECLINED
    }

    /**
     * Credits {@code amount} to the wallet.
     *
     * @param walletId the wallet the connection was issued for
     * @param connectionId the connection, for attribution and idempotency in the ledger
     * @param amount more than zero, at most {@link Long#MAX_VALUE}, in the wallet's asset
     */
    Result credit(String walletId, String connectionId, long amount);
}
