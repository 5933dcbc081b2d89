package org.kiungo.stream;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.AmountTooLargeData;
import org.kiungo.codec.ilp.Conditions;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.codec.stream.StreamErrorCode;
import org.kiungo.codec.stream.StreamFrame;
import org.kiungo.codec.stream.StreamKeys;
import org.kiungo.codec.stream.StreamPacket;
import org.kiungo.codec.stream.StreamReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The STREAM receiver for the node's wallet addresses (RFC 29): stateless, so any replica answers any packet. It
 * recovers the connection from the destination address, decrypts and checks the request, credits the wallet through
 * {@link PaymentCredit}, adds to the connection's total and fulfils with an encrypted reply carrying a STREAM receipt
 * (RFC 39) when the connection was set up with one.
 *
 * <p>Replies, in the order the checks run: token not issued here, or data that does not decrypt: F06 with no data
 * (RFC 29 §4.2); a wallet that is gone or an address moved to another wallet: F02; a STREAM packet not meant for a
 * Prepare: F00 with no data; otherwise an encrypted reply: {@code ConnectionClose} from the sender is echoed in an
 * F99; less than the sender's minimum, or a condition that is not this data's (an exchange-rate probe): F99; an
 * amount of zero: fulfilled with nothing credited; an amount past 2^63-1: F08; a Prepare already expired when the
 * money would be credited: R00.
 *
 * <p>The wallet is credited before the total grows, so a receipt can understate what was received but never
 * overstate it: when the totals store fails after a credit, the packet is still fulfilled, without a receipt. Once
 * the wallet is credited nothing turns the packet into a reject: whatever fails later, the Fulfill goes back.
 * Receipts are for stream 1, with the connection's total, as {@code @interledger/stream-receiver} signs them; the
 * receiver sends no {@code StreamMaxMoney}, so senders assume no limit.
 */
public final class StreamReceiver {
    /** The stream every receipt names. */
    public static final int RECEIPT_STREAM_ID = 1;

    private static final Logger LOG = LoggerFactory.getLogger(StreamReceiver.class);

    private final StreamCredentials credentials;
    private final WalletAddresses wallets;
    private final PaymentCredit credit;
    private final ConnectionTotals totals;
    private final IlpAddress nodeAddress;
    private final Clock clock;

    /**
     * @param nodeAddress the address rejects name as {@code triggeredBy}
     * @param clock tells whether a Prepare has expired before its money is credited
     */
    public StreamReceiver(StreamCredentials credentials, WalletAddresses wallets, PaymentCredit credit,
                          ConnectionTotals totals, IlpAddress nodeAddress, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.wallets = Objects.requireNonNull(wallets, "wallets");
        this.credit = Objects.requireNonNull(credit, "credit");
        this.totals = Objects.requireNonNull(totals, "totals");
        this.nodeAddress = Objects.requireNonNull(nodeAddress, "nodeAddress");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The Fulfill or Reject for a Prepare addressed to one of the node's wallets; never throws. */
    public Reply receive(Prepare prepare) {
        try {
            return answer(prepare);
        } catch (RuntimeException e) {
            LOG.error("STREAM receiver failed on a packet for {}", prepare.destination(), e);
            return ReplyWriter.bare(ErrorCode.T00_INTERNAL_ERROR, nodeAddress);
        }
    }

    private Reply answer(Prepare prepare) {
        Optional<StreamConnection> found = credentials.recover(prepare.destination());
        if (found.isEmpty()) {
            return ReplyWriter.bare(ErrorCode.F06_UNEXPECTED_PAYMENT, nodeAddress);
        }
        StreamConnection connection = found.get();
        Optional<Wallet> wallet = wallets.byId(connection.walletId())
                .filter(w -> isUnder(prepare.destination(), w.addressBase()));
        if (wallet.isEmpty()) {
            return ReplyWriter.bare(ErrorCode.F02_UNREACHABLE, nodeAddress);
        }
        StreamKeys keys = StreamKeys.fromSharedSecret(connection.sharedSecret());
        StreamPacket request;
        try {
            request = StreamPacket.decode(keys.decrypt(prepare.data()));
        } catch (DecodingException e) {
            return ReplyWriter.bare(ErrorCode.F06_UNEXPECTED_PAYMENT, nodeAddress);
        }
        if (request.ilpPacketType() != StreamPacket.PREPARE) {
            // Authentic data in the wrong packet type: an intermediary may have swapped it, so say nothing.
            return ReplyWriter.bare(ErrorCode.F00_BAD_REQUEST, nodeAddress);
        }
        ReplyWriter reply = new ReplyWriter(keys, nodeAddress, request.sequence(), prepare.amount());
        return answerAuthentic(prepare, connection, wallet.get(), keys, request, reply);
    }

    private Reply answerAuthentic(Prepare prepare, StreamConnection connection, Wallet wallet, StreamKeys keys,
                                  StreamPacket request, ReplyWriter reply) {
        if (request.frames().stream().anyMatch(StreamFrame.ConnectionClose.class::isInstance)) {
            return reply.reject(ErrorCode.F99_APPLICATION_ERROR,
                    List.of(new StreamFrame.ConnectionClose(StreamErrorCode.NO_ERROR, "")));
        }
        List<StreamFrame> frames = new ArrayList<>();
        if (request.frames().stream().anyMatch(StreamFrame.ConnectionNewAddress.class::isInstance)) {
            // A sender announcing its address is setting up: tell it the asset, as other receivers do.
            frames.add(new StreamFrame.ConnectionAssetDetails(wallet.assetCode(), wallet.assetScale()));
        }
        if (Long.compareUnsigned(prepare.amount(), request.prepareAmount()) < 0) {
            return reply.reject(ErrorCode.F99_APPLICATION_ERROR, frames);
        }
        byte[] fulfillment = keys.fulfillment(prepare.data());
        if (!Conditions.matches(fulfillment, prepare.executionCondition())) {
            return reply.reject(ErrorCode.F99_APPLICATION_ERROR, frames);
        }
        long amount = prepare.amount();
        if (amount == 0) {
            return reply.fulfill(fulfillment, frames);
        }
        if (amount < 0) {
            return new Reject(ErrorCode.F08_AMOUNT_TOO_LARGE, nodeAddress.value(), "",
                    new AmountTooLargeData(amount, Long.MAX_VALUE).encode());
        }
        if (!prepare.expiresAt().isAfter(clock.instant())) {
            // Too late: the connector before us has rejected it already, and a credit now would be money from nowhere.
            return ReplyWriter.bare(ErrorCode.R00_TRANSFER_TIMED_OUT, nodeAddress);
        }
        return creditAndFulfill(connection, fulfillment, amount, frames, reply);
    }

    private Reply creditAndFulfill(StreamConnection connection, byte[] fulfillment, long amount,
                                   List<StreamFrame> frames, ReplyWriter reply) {
        PaymentCredit.Result result = credit.credit(connection.walletId(), connection.connectionId(), amount);
        switch (result) {
            case CREDITED -> { }
            case DECLINED_TEMPORARILY -> {
                return reply.reject(ErrorCode.T00_INTERNAL_ERROR, frames);
            }
            case DECLINED -> {
                return reply.reject(ErrorCode.F99_APPLICATION_ERROR,
                        List.of(new StreamFrame.ConnectionClose(StreamErrorCode.APPLICATION_ERROR, "")));
            }
            default -> throw new IllegalStateException("unknown credit result " + result);
        }
        try {
            OptionalTotal total = addToTotal(connection.connectionId(), amount);
            if (total.known && connection.receipts().isPresent()) {
                ReceiptSetup setup = connection.receipts().get();
                StreamReceipt receipt = StreamReceipt.create(setup.secret(), setup.nonce(), RECEIPT_STREAM_ID,
                        total.value);
                frames.add(new StreamFrame.StreamReceipt(RECEIPT_STREAM_ID, receipt.encode()));
            }
            return reply.fulfill(fulfillment, frames);
        } catch (RuntimeException e) {
            LOG.error("connection {} credited {}: fulfilling without a STREAM reply", connection.connectionId(),
                    amount, e);
            return new Fulfill(fulfillment, new byte[0]);
        }
    }

    private record OptionalTotal(boolean known, long value) {
    }

    private OptionalTotal addToTotal(String connectionId, long amount) {
        try {
            return new OptionalTotal(true, totals.add(connectionId, amount));
        } catch (TotalsException e) {
            LOG.warn("connection {} credited {} without a receipt: {} ({})", connectionId, amount, e.reason(),
                    e.getMessage());
            return new OptionalTotal(false, 0);
        } catch (RuntimeException e) {
            LOG.error("connection {} credited {} without a receipt: the totals store failed", connectionId, amount, e);
            return new OptionalTotal(false, 0);
        }
    }

    private static boolean isUnder(IlpAddress destination, IlpAddress base) {
        String value = destination.value();
        return value.lastIndexOf('.') == base.value().length() && destination.startsWith(base);
    }
}
