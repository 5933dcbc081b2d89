package org.kiungo.node;

import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.kiungo.admin.WalletPayments;
import org.kiungo.codec.stream.SpspResponse;
import org.kiungo.connector.PacketHandler;
import org.kiungo.ledger.Unsigned64;
import org.kiungo.peering.PeeringError;
import org.kiungo.peering.PeeringException;
import org.kiungo.peering.WalletAddressRecord;
import org.kiungo.peering.Wallets;
import org.kiungo.stream.PaymentResult;
import org.kiungo.stream.Ratio;
import org.kiungo.stream.SenderConfig;
import org.kiungo.stream.Sleeper;
import org.kiungo.stream.SpspClient;
import org.kiungo.stream.StreamSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays from a wallet address: asks the receiver's SPSP endpoint for credentials, then sends STREAM packets into the
 * node's own packet pipeline as if the wallet were a peer. Each packet reserves a debit of the wallet's account that
 * is posted only when the packet is fulfilled, so the wallet pays exactly what was delivered, never more, and a
 * wallet that cannot cover a packet gets T04 for it.
 */
final class WalletPayer implements WalletPayments {
    /** Payments in progress at once; more are refused rather than queued. */
    static final int PAYMENTS_CONCURRENT_MAX = 256;
    private static final Logger LOG = LoggerFactory.getLogger(WalletPayer.class);

    private final Wallets wallets;
    private final PacketHandler pipeline;
    private final SpspClient spsp;
    private final Clock clock;
    private final SenderConfig defaults;
    private final Semaphore inProgress = new Semaphore(PAYMENTS_CONCURRENT_MAX);

    WalletPayer(Wallets wallets, PacketHandler pipeline, SpspClient spsp, Clock clock, SenderConfig defaults) {
        this.wallets = wallets;
        this.pipeline = pipeline;
        this.spsp = spsp;
        this.clock = clock;
        this.defaults = defaults;
    }

    @Override
    public PaymentResult pay(WalletAddressRecord from, String receiver, long amount, Optional<Ratio> slippage) {
        BigInteger available = wallets.account(from).available();
        if (available.compareTo(Unsigned64.toBigInteger(amount)) < 0) {
            throw new PeeringException(PeeringError.FORBIDDEN, "insufficient balance: wallet address " + from.id()
                    + " holds " + available + ", less than " + Long.toUnsignedString(amount));
        }
        SpspResponse credentials = credentials(receiver);
        if (!inProgress.tryAcquire()) {
            throw new PeeringException(PeeringError.FORBIDDEN, PAYMENTS_CONCURRENT_MAX
                    + " payments are in progress already; retry once one has finished");
        }
        try {
            SenderConfig config = slippage.map(defaults::withSlippage).orElse(defaults);
            StreamSender sender = new StreamSender(prepare -> pipeline.handle(from.peerId(), prepare), clock,
                    Sleeper.SYSTEM, config);
            PaymentResult result = sender.pay(credentials, amount);
            LOG.info("payment from wallet address {} to {}: {}", from.id(), receiver, result);
            return result;
        } finally {
            inProgress.release();
        }
    }

    private SpspResponse credentials(String receiver) {
        try {
            return spsp.query(receiver);
        } catch (SpspClient.SpspException e) {
            PeeringError error = e.failure() == SpspClient.Failure.MALFORMED ? PeeringError.BAD_USER_INPUT
                    : PeeringError.NOT_FOUND;
            throw new PeeringException(error, "receiver " + receiver + ": " + e.getMessage());
        }
    }
}
