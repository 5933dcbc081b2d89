package org.kiungo.node;

import java.util.UUID;
import org.kiungo.peering.Wallets;
import org.kiungo.stream.PaymentCredit;

/**
 * The node's {@link PaymentCredit}: the ledger credit to the wallet is already held, as the last leg of the packet's
 * reservation ({@code ReserveStep} reserves incoming peer to wallet account before the receiver is called), and it is
 * posted only when the Fulfill this answer allows goes back, voided otherwise. So crediting means confirming that the
 * wallet the connection was issued for is still one of ours; the money moves with the reservation, atomically with
 * the incoming peer's debit, and never without a fulfilled packet.
 */
final class ReservedCredit implements PaymentCredit {
    private final Wallets wallets;

    ReservedCredit(Wallets wallets) {
        this.wallets = wallets;
    }

    @Override
    public Result credit(String walletId, String connectionId, long amount) {
        try {
            return wallets.byId(UUID.fromString(walletId)).isPresent() ? Result.CREDITED : Result.DECLINED;
        } catch (IllegalArgumentException e) {
            return Result.DECLINED;
        }
    }
}
