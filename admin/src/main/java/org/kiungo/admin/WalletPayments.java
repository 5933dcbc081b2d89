package org.kiungo.admin;

import java.util.Optional;
import org.kiungo.peering.PeeringError;
import org.kiungo.peering.PeeringException;
import org.kiungo.peering.WalletAddressRecord;
import org.kiungo.stream.PaymentResult;
import org.kiungo.stream.Ratio;

/**
 * Sends STREAM payments from the node's wallet addresses: what {@code createPayment} calls. The node supplies the
 * real one, which sends through its packet pipeline; an admin API without a node has {@link #NONE}.
 */
@FunctionalInterface
public interface WalletPayments {
    /** Refuses every payment: there is no packet path to send it on. */
    WalletPayments NONE = (from, receiver, amount, slippage) -> {
        throw new PeeringException(PeeringError.FORBIDDEN, "payments can only be sent by a running node");
    };

    /**
     * Pays {@code amount} (unsigned, in the wallet's asset) from {@code from} to {@code receiver}, a payment pointer
     * or SPSP URL; returns once the payment has stopped, completed or not.
     *
     * @param slippage the share of the rate given up, or empty for the node's default
     * @throws PeeringException NOT_FOUND when the receiver cannot be resolved, BAD_USER_INPUT when it is malformed
     */
    PaymentResult pay(WalletAddressRecord from, String receiver, long amount, Optional<Ratio> slippage);
}
