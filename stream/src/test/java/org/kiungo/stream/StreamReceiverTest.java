package org.kiungo.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.stream.StreamCredentialsTest.filled;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.AmountTooLargeData;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.codec.stream.SpspResponse;
import org.kiungo.codec.stream.StreamErrorCode;
import org.kiungo.codec.stream.StreamFrame;
import org.kiungo.codec.stream.StreamPacket;
import org.kiungo.codec.stream.StreamReceipt;
import org.kiungo.ledger.MutableClock;

class StreamReceiverTest {
    static final IlpAddress NODE = IlpAddress.of("test.kiungo");
    static final Wallet ALICE = new Wallet("alice", "USD", 2, IlpAddress.of("test.kiungo.alice"));
    static final Wallet BOB = new Wallet("bob", "EUR", 2, IlpAddress.of("test.kiungo.bob"));
    static final ReceiptSetup RECEIPTS = new ReceiptSetup(filled(16, 3), filled(32, 4));

    private final StreamCredentials credentials = new StreamCredentials(filled(32, 9));
    private final MemoryWalletAddresses wallets = new MemoryWalletAddresses().put("/alice", ALICE).put("/bob", BOB);
    private final List<String> credits = new ArrayList<>();
    private PaymentCredit.Result creditResult = PaymentCredit.Result.CREDITED;
    private final MutableClock clock = MutableClock.at2026();
    private final MemoryConnectionTotals totals = new MemoryConnectionTotals(clock);
    private final StreamReceiver receiver = new StreamReceiver(credentials, wallets, (wallet, connection, amount) -> {
        credits.add(wallet + ":" + amount);
        return creditResult;
    }, totals, NODE, clock);

    private final SpspResponse spsp = credentials.issue(ALICE.addressBase(), "alice", Optional.empty());
    private final StreamRequests sender = new StreamRequests(spsp);

    @Test
    void shouldFulfilAnAuthenticPacketAndCreditTheWallet() throws DecodingException {
        Prepare prepare = sender.prepare(500, 7, 450);

        Reply reply = receiver.receive(prepare);

        assertThat(reply).isInstanceOfSatisfying(Fulfill.class,
                f -> assertThat(f.fulfills(prepare.executionCondition())).isTrue());
        StreamPacket answer = sender.read(reply);
        assertThat(answer.ilpPacketType()).isEqualTo(StreamPacket.FULFILL);
        assertThat(answer.sequence()).isEqualTo(7);
        assertThat(answer.prepareAmount()).isEqualTo(500);
        assertThat(credits).containsExactly("alice:500");
        assertThat(totals.add(connectionId(), 0)).isEqualTo(500);
    }

    @Test
    void shouldAttachAReceiptForTheRunningTotalThatTheVerifierAccepts() throws DecodingException {
        SpspResponse withReceipts = credentials.issue(ALICE.addressBase(), "alice", Optional.of(RECEIPTS));
        StreamRequests payer = new StreamRequests(withReceipts);
        receiver.receive(payer.prepare(100, 1, 0));

        StreamPacket answer = payer.read(receiver.receive(payer.prepare(250, 2, 0)));

        StreamFrame.StreamReceipt frame = answer.frames().stream()
                .filter(StreamFrame.StreamReceipt.class::isInstance).map(StreamFrame.StreamReceipt.class::cast)
                .findFirst().orElseThrow();
        StreamReceipt receipt = StreamReceipt.decode(frame.receipt());
        assertThat(frame.streamId()).isEqualTo(1);
        assertThat(receipt.totalReceived()).isEqualTo(350);
        assertThat(receipt.nonce()).isEqualTo(RECEIPTS.nonce());
        assertThat(receipt.verify(RECEIPTS.secret())).isTrue();
        assertThat(receipt.verify(filled(32, 5))).isFalse();
    }

    @Test
    void shouldSendNoReceiptWhenTheConnectionHasNone() throws DecodingException {
        StreamPacket answer = sender.read(receiver.receive(sender.prepare(100, 1, 0)));

        assertThat(answer.frames()).isEmpty();
    }

    @Test
    void shouldRejectUndecryptableDataWithF06AndNoData() {
        Prepare good = sender.prepare(100, 1, 0);
        byte[] data = good.data().clone();
        data[data.length - 1] ^= 1;
        Prepare altered = new Prepare(100, good.expiresAt(), good.executionCondition(), good.destination(), data);

        assertBareReject(receiver.receive(altered), ErrorCode.F06_UNEXPECTED_PAYMENT);
        assertThat(credits).isEmpty();
    }

    @Test
    void shouldRejectATokenThisServerDidNotIssueWithF06() {
        SpspResponse foreign = new StreamCredentials(filled(32, 1)).issue(ALICE.addressBase(), "alice",
                Optional.empty());

        assertBareReject(receiver.receive(new StreamRequests(foreign).prepare(100, 1, 0)),
                ErrorCode.F06_UNEXPECTED_PAYMENT);
    }

    @Test
    void shouldAnswerAWrongConditionWithF99StatingTheAmountThatArrived() throws DecodingException {
        Reply reply = receiver.receive(sender.prepare(1_000, 3, 0, List.of(), false));

        assertThat(reply).isInstanceOfSatisfying(Reject.class,
                r -> assertThat(r.code()).isEqualTo(ErrorCode.F99_APPLICATION_ERROR));
        StreamPacket answer = sender.read(reply);
        assertThat(answer.ilpPacketType()).isEqualTo(StreamPacket.REJECT);
        assertThat(answer.sequence()).isEqualTo(3);
        assertThat(answer.prepareAmount()).isEqualTo(1_000);
        assertThat(credits).isEmpty();
    }

    @Test
    void shouldRejectLessThanTheSendersMinimumWithF99AndAnEncryptedReply() throws DecodingException {
        Reply reply = receiver.receive(sender.prepare(99, 4, 100));

        assertThat(reply).isInstanceOfSatisfying(Reject.class,
                r -> assertThat(r.code()).isEqualTo(ErrorCode.F99_APPLICATION_ERROR));
        assertThat(sender.read(reply).prepareAmount()).isEqualTo(99);
        assertThat(credits).isEmpty();
    }

    @Test
    void shouldCompareTheMinimumAsAnUnsignedAmount() {
        Reply reply = receiver.receive(sender.prepare(100, 4, -1));

        assertThat(reply).isInstanceOf(Reject.class);
        assertThat(credits).isEmpty();
    }

    @Test
    void shouldEchoAConnectionCloseInAnF99() throws DecodingException {
        Reply reply = receiver.receive(sender.prepare(0, 9, 0,
                List.of(new StreamFrame.ConnectionClose(StreamErrorCode.NO_ERROR, "done")), true));

        assertThat(reply).isInstanceOfSatisfying(Reject.class,
                r -> assertThat(r.code()).isEqualTo(ErrorCode.F99_APPLICATION_ERROR));
        assertThat(sender.read(reply).frames())
                .containsExactly(new StreamFrame.ConnectionClose(StreamErrorCode.NO_ERROR, ""));
    }

    @Test
    void shouldTellANewSenderTheWalletsAsset() throws DecodingException {
        Reply reply = receiver.receive(sender.prepare(0, 1, 0,
                List.of(new StreamFrame.ConnectionNewAddress("test.sender")), true));

        assertThat(reply).isInstanceOf(Fulfill.class);
        assertThat(sender.read(reply).frames()).containsExactly(new StreamFrame.ConnectionAssetDetails("USD", 2));
        assertThat(credits).isEmpty();
    }

    @Test
    void shouldRejectAStreamPacketMeantForAnotherIlpPacketTypeWithF00AndNoData() {
        Prepare swapped = sender.prepareOfType(StreamPacket.FULFILL, 100, 1, 0, List.of(), true);

        assertBareReject(receiver.receive(swapped), ErrorCode.F00_BAD_REQUEST);
        assertThat(credits).isEmpty();
    }

    @Test
    void shouldRejectATokenMovedUnderAnotherWalletsAddressWithF02() {
        String token = spsp.destinationAccount().value().substring(ALICE.addressBase().value().length() + 1);
        Prepare good = sender.prepare(100, 1, 0);
        Prepare moved = new Prepare(100, good.expiresAt(), good.executionCondition(),
                BOB.addressBase().with(token), good.data());

        assertBareReject(receiver.receive(moved), ErrorCode.F02_UNREACHABLE);
        assertThat(credits).isEmpty();
    }

    @Test
    void shouldRejectPacketsForAWalletThatNoLongerExistsWithF02() {
        StreamReceiver withoutAlice = new StreamReceiver(credentials, new MemoryWalletAddresses(),
                (w, c, a) -> PaymentCredit.Result.CREDITED, totals, NODE, clock);

        assertBareReject(withoutAlice.receive(sender.prepare(100, 1, 0)), ErrorCode.F02_UNREACHABLE);
    }

    @Test
    void shouldFulfilAZeroAmountWithoutCrediting() {
        assertThat(receiver.receive(sender.prepare(0, 1, 0))).isInstanceOf(Fulfill.class);
        assertThat(credits).isEmpty();
    }

    @Test
    void shouldAnswerATemporaryDeclineWithT00AndAnEncryptedReply() throws DecodingException {
        creditResult = PaymentCredit.Result.DECLINED_TEMPORARILY;

        Reply reply = receiver.receive(sender.prepare(100, 5, 0));

        assertThat(reply).isInstanceOfSatisfying(Reject.class,
                r -> assertThat(r.code()).isEqualTo(ErrorCode.T00_INTERNAL_ERROR));
        assertThat(sender.read(reply).sequence()).isEqualTo(5);
        assertThat(totals.add(connectionId(), 0)).isZero();
    }

    @Test
    void shouldCloseTheConnectionWhenTheCreditIsDeclinedForGood() throws DecodingException {
        creditResult = PaymentCredit.Result.DECLINED;

        Reply reply = receiver.receive(sender.prepare(100, 5, 0));

        assertThat(reply).isInstanceOfSatisfying(Reject.class,
                r -> assertThat(r.code()).isEqualTo(ErrorCode.F99_APPLICATION_ERROR));
        assertThat(sender.read(reply).frames())
                .containsExactly(new StreamFrame.ConnectionClose(StreamErrorCode.APPLICATION_ERROR, ""));
    }

    @Test
    void shouldStillFulfilWithoutAReceiptWhenTheTotalsStoreFails() throws DecodingException {
        StreamReceiver failing = new StreamReceiver(credentials, wallets, (w, c, a) -> PaymentCredit.Result.CREDITED,
                (id, amount) -> {
                    throw new TotalsException(TotalsException.Reason.UNAVAILABLE, "down", null);
                }, NODE, clock);
        StreamRequests payer = new StreamRequests(credentials.issue(ALICE.addressBase(), "alice",
                Optional.of(RECEIPTS)));

        Reply reply = failing.receive(payer.prepare(100, 1, 0));

        assertThat(reply).isInstanceOf(Fulfill.class);
        assertThat(payer.read(reply).frames()).isEmpty();
    }

    @Test
    void shouldStillFulfilWhenTheTotalsStoreFailsUnexpectedly() {
        StreamReceiver failing = new StreamReceiver(credentials, wallets, (w, c, a) -> PaymentCredit.Result.CREDITED,
                (id, amount) -> {
                    throw new IllegalStateException("driver bug");
                }, NODE, clock);
        Prepare prepare = sender.prepare(100, 1, 0);

        assertThat(failing.receive(prepare)).isInstanceOfSatisfying(Fulfill.class,
                f -> assertThat(f.fulfills(prepare.executionCondition())).isTrue());
    }

    @Test
    void shouldRejectAnExpiredPrepareWithR00BeforeCrediting() {
        Prepare prepare = sender.prepare(100, 1, 0);
        clock.advance(Duration.between(clock.instant(), prepare.expiresAt()));

        assertBareReject(receiver.receive(prepare), ErrorCode.R00_TRANSFER_TIMED_OUT);
        assertThat(credits).isEmpty();
    }

    @Test
    void shouldRejectAnAmountPastTheLargestTotalWithF08() throws DecodingException {
        Reply reply = receiver.receive(sender.prepare(Long.MIN_VALUE, 1, 0));

        assertThat(reply).isInstanceOfSatisfying(Reject.class, r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.F08_AMOUNT_TOO_LARGE);
            assertThat(decodeF08(r).maximumAmount()).isEqualTo(Long.MAX_VALUE);
        });
        assertThat(credits).isEmpty();
    }

    @Test
    void shouldTurnAnUnexpectedFailureIntoT00() {
        StreamReceiver broken = new StreamReceiver(credentials, wallets, (w, c, a) -> {
            throw new IllegalStateException("ledger bug");
        }, totals, NODE, clock);

        assertBareReject(broken.receive(sender.prepare(100, 1, 0)), ErrorCode.T00_INTERNAL_ERROR);
    }

    @Property(tries = 300)
    void hostileDataIsRejectedNeverThrown(@ForAll @Size(max = 200) byte[] data, @ForAll long amount) {
        Prepare good = sender.prepare(1, 1, 0);
        Prepare hostile = new Prepare(amount, good.expiresAt(), good.executionCondition(), good.destination(), data);

        assertThat(receiver.receive(hostile)).isInstanceOfSatisfying(Reject.class,
                r -> assertThat(r.code()).isEqualTo(ErrorCode.F06_UNEXPECTED_PAYMENT));
    }

    private String connectionId() {
        return credentials.recover(spsp.destinationAccount()).orElseThrow().connectionId();
    }

    private static AmountTooLargeData decodeF08(Reject reject) {
        try {
            return AmountTooLargeData.decode(reject.data());
        } catch (DecodingException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertBareReject(Reply reply, ErrorCode code) {
        assertThat(reply).isInstanceOfSatisfying(Reject.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.data()).isEmpty();
            assertThat(r.message()).isEmpty();
            assertThat(r.triggeredBy()).isEqualTo(NODE.value());
        });
    }
}
