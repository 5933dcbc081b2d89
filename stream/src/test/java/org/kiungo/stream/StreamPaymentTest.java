package org.kiungo.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.stream.StreamCredentialsTest.filled;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.stream.SpspResponse;
import org.kiungo.codec.stream.StreamReceipt;
import org.kiungo.ledger.MutableClock;
import org.kiungo.stream.PaymentResult.StopReason;

/** Sender and receiver end to end, in process, through a fake pair of connectors; no test sleeps for real. */
class StreamPaymentTest {
    static final Wallet ALICE = new Wallet("alice", "EUR", 2, IlpAddress.of("test.kiungo.alice"));
    static final ReceiptSetup RECEIPTS = new ReceiptSetup(filled(16, 8), filled(32, 9));

    private final StreamCredentials credentials = new StreamCredentials(filled(32, 5));
    private final MemoryConnectionTotals totals = new MemoryConnectionTotals(MutableClock.at2026());
    private final AtomicLong credited = new AtomicLong();
    private volatile PaymentCredit.Result creditResult = PaymentCredit.Result.CREDITED;
    private final StreamReceiver receiver = new StreamReceiver(credentials,
            new MemoryWalletAddresses().put("/alice", ALICE), (wallet, connection, amount) -> {
                if (creditResult == PaymentCredit.Result.CREDITED) {
                    credited.addAndGet(amount);
                }
                return creditResult;
            }, totals, IlpAddress.of("test.kiungo"), MutableClock.at2026());
    private final FakeConnector connector = new FakeConnector(receiver);
    private final List<Duration> pauses = new ArrayList<>();
    private final SenderConfig config = SenderConfig.DEFAULTS;

    private StreamSender sender(SenderConfig senderConfig) {
        return new StreamSender(connector, MutableClock.at2026(), pauses::add, senderConfig);
    }

    @Test
    void shouldDeliverExactlyWhatTheReceiverCountsAcrossRatesLimitsAndLiquidityFailures() {
        connector.rate = new Ratio(BigInteger.valueOf(9), BigInteger.TEN);
        connector.destinationMax = 1_000;
        connector.t04Every = 7;
        SpspResponse spsp = credentials.issue(ALICE.addressBase(), "alice", Optional.empty());

        PaymentResult result = sender(config).pay(spsp, 100_000);

        assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.sent()).isEqualTo(100_000);
        assertThat(result.delivered()).isEqualTo(credited.get()).isEqualTo(totalOf(spsp))
                .isGreaterThanOrEqualTo(89_100);
        assertThat(connector.largestForwarded.get()).isLessThanOrEqualTo(1_000);
        assertThat(connector.amountTooLarge.get()).isLessThanOrEqualTo(2);
        assertThat(pauses).isNotEmpty().allSatisfy(p -> assertThat(p).isEqualTo(config.backoffBase()));
    }

    @Test
    void shouldPayExactlyWithManyPacketsInFlight() {
        connector.rate = new Ratio(BigInteger.valueOf(9), BigInteger.TEN);
        connector.sourceMax = 1_000;
        connector.t04Every = 11;
        SpspResponse spsp = credentials.issue(ALICE.addressBase(), "alice", Optional.empty());
        List<Duration> lanePauses = Collections.synchronizedList(new ArrayList<>());

        PaymentResult result = new StreamSender(connector, MutableClock.at2026(), lanePauses::add,
                config.withPacketsInFlight(8)).pay(spsp, 100_000);

        assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.sent()).isEqualTo(100_000);
        assertThat(result.packetsFulfilled()).isEqualTo(100);
        assertThat(result.delivered()).isEqualTo(credited.get()).isEqualTo(totalOf(spsp)).isEqualTo(90_000);
        assertThat(connector.largestForwarded.get()).isEqualTo(900);
        assertThat(lanePauses).isNotEmpty();
    }

    @Test
    void shouldBringBackAReceiptForTheWholeAmountThatTheVerifierAccepts() throws DecodingException {
        connector.sourceMax = 3_000;
        SpspResponse spsp = credentials.issue(ALICE.addressBase(), "alice", Optional.of(RECEIPTS));

        PaymentResult result = sender(config).pay(spsp, 10_000);

        StreamReceipt receipt = StreamReceipt.decode(result.lastReceipt().orElseThrow());
        assertThat(receipt.verify(RECEIPTS.secret())).isTrue();
        assertThat(receipt.totalReceived()).isEqualTo(result.delivered()).isEqualTo(10_000);
        assertThat(result.packetsFulfilled()).isEqualTo(4);
    }

    @Test
    void shouldSendNothingWhenTheProbedRateIsBelowTheExpectedOneLessSlippage() {
        connector.rate = new Ratio(BigInteger.valueOf(97), BigInteger.valueOf(100));
        SpspResponse spsp = credentials.issue(ALICE.addressBase(), "alice", Optional.empty());

        PaymentResult result = sender(config).pay(spsp, 10_000, Optional.of(Ratio.ONE));

        assertThat(result.reason()).isEqualTo(StopReason.EXCHANGE_RATE_TOO_LOW);
        assertThat(result.sent()).isZero();
        assertThat(credited.get()).isZero();
        assertThat(result.probedRate()).isEqualTo(new Ratio(BigInteger.valueOf(9_700), BigInteger.valueOf(10_000)));
    }

    @Test
    void shouldAcceptARateWithinTheSlippage() {
        connector.rate = new Ratio(BigInteger.valueOf(995), BigInteger.valueOf(1_000));
        SpspResponse spsp = credentials.issue(ALICE.addressBase(), "alice", Optional.empty());

        PaymentResult result = sender(config).pay(spsp, 10_000, Optional.of(Ratio.ONE));

        assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.delivered()).isEqualTo(9_950);
    }

    @Test
    void shouldStopWhenTheRateFallsDuringThePayment() {
        connector.sourceMax = 1_000;
        SpspResponse spsp = credentials.issue(ALICE.addressBase(), "alice", Optional.empty());
        // Two probes (the first meets an F08), then three packets at the old rate.
        PrepareSender fallingAfterThree = prepare -> {
            if (connector.prepares.get() >= 5) {
                connector.rate = new Ratio(BigInteger.ONE, BigInteger.TWO);
            }
            return connector.send(prepare);
        };

        PaymentResult result = new StreamSender(fallingAfterThree, MutableClock.at2026(), pauses::add, config)
                .pay(spsp, 10_000);

        assertThat(result.reason()).isEqualTo(StopReason.EXCHANGE_RATE_TOO_LOW);
        assertThat(result.sent()).isEqualTo(3_000);
        assertThat(result.delivered()).isEqualTo(credited.get()).isEqualTo(totalOf(spsp)).isEqualTo(3_000);
    }

    @Test
    void shouldBackOffExponentiallyAndGiveUpAfterTheRetryLimit() {
        connector.alwaysReject = ErrorCode.T04_INSUFFICIENT_LIQUIDITY;
        SenderConfig quick = new SenderConfig(config.slippage(), 4, Duration.ofMillis(10), Duration.ofMillis(30),
                SenderConfig.PACKETS_MAX, config.packetExpiry());

        PaymentResult result = sender(quick).pay(credentials.issue(ALICE.addressBase(), "alice", Optional.empty()),
                500);

        assertThat(result.reason()).isEqualTo(StopReason.RETRIES_EXHAUSTED);
        assertThat(result.detail()).contains("T04");
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(30),
                Duration.ofMillis(30));
        assertThat(connector.prepares.get()).isEqualTo(5);
    }

    @Test
    void shouldStopAtOnceOnAFinalReject() {
        connector.alwaysReject = ErrorCode.F02_UNREACHABLE;

        PaymentResult result = sender(config).pay(credentials.issue(ALICE.addressBase(), "alice", Optional.empty()),
                500);

        assertThat(result.reason()).isEqualTo(StopReason.FINAL_REJECT);
        assertThat(result.detail()).contains("F02 Unreachable from test.hop1");
        assertThat(connector.prepares.get()).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void shouldStopWhenTheReceiverClosesTheConnection() {
        SpspResponse spsp = credentials.issue(ALICE.addressBase(), "alice", Optional.empty());
        creditResult = PaymentCredit.Result.DECLINED;

        PaymentResult result = sender(config).pay(spsp, 500);

        assertThat(result.reason()).isEqualTo(StopReason.RECEIVER_CLOSED);
        assertThat(result.sent()).isZero();
    }

    @Test
    void shouldStopWhenThePacketLimitIsReached() {
        connector.sourceMax = 10;
        SenderConfig fewPackets = new SenderConfig(config.slippage(), config.retriesMax(), config.backoffBase(),
                config.backoffMax(), 5, config.packetExpiry());
        SpspResponse spsp = credentials.issue(ALICE.addressBase(), "alice", Optional.empty());

        PaymentResult result = sender(fewPackets).pay(spsp, 1_000);

        assertThat(result.reason()).isEqualTo(StopReason.PACKETS_EXHAUSTED);
        assertThat(result.sent()).isEqualTo(30);
        assertThat(result.delivered()).isEqualTo(totalOf(spsp));
    }

    @Test
    void shouldStopRatherThanPayForPacketsThatDeliverNothing() {
        connector.rate = new Ratio(BigInteger.ONE, BigInteger.valueOf(1_000));
        connector.sourceMax = 999;
        SpspResponse spsp = credentials.issue(ALICE.addressBase(), "alice", Optional.empty());

        PaymentResult result = sender(config).pay(spsp, 5_000);

        assertThat(result.reason()).isEqualTo(StopReason.EXCHANGE_RATE_TOO_LOW);
        assertThat(result.sent()).isZero();
        assertThat(credited.get()).isZero();
    }

    @Test
    void shouldPayUnsignedAmountsAbove2To63() {
        connector.rate = new Ratio(BigInteger.ONE, BigInteger.ONE.shiftLeft(20));
        SpspResponse spsp = credentials.issue(ALICE.addressBase(), "alice", Optional.empty());
        long amount = Long.parseUnsignedLong("18446744073709551615");

        PaymentResult result = sender(config).pay(spsp, amount);

        assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(Long.toUnsignedString(result.sent())).isEqualTo("18446744073709551615");
        assertThat(result.delivered()).isEqualTo((1L << 44) - 1).isEqualTo(totalOf(spsp));
    }

    @Property(tries = 60)
    void deliveredAlwaysEqualsWhatTheReceiverCounted(@ForAll @LongRange(min = 1, max = 1_000_000) long amount,
                                                     @ForAll @IntRange(min = 1, max = 50) int rateNumerator,
                                                     @ForAll @IntRange(min = 1, max = 50) int rateDenominator,
                                                     @ForAll @IntRange(min = 0, max = 5) int t04Every) {
        connector.rate = new Ratio(BigInteger.valueOf(rateNumerator), BigInteger.valueOf(rateDenominator));
        connector.destinationMax = Math.max(1, amount / 20);
        connector.t04Every = t04Every == 1 ? 0 : t04Every;
        credited.set(0);
        SpspResponse spsp = credentials.issue(ALICE.addressBase(), "alice", Optional.empty());

        PaymentResult result = sender(config).pay(spsp, amount);

        assertThat(result.delivered()).isEqualTo(credited.get()).isEqualTo(totalOf(spsp));
        assertThat(result.sent()).isLessThanOrEqualTo(amount);
        if (result.completed()) {
            assertThat(result.sent()).isEqualTo(amount);
        }
        assertThat(result.delivered()).isLessThanOrEqualTo(connector.rate.multiplyFloor(result.sent()));
    }

    private long totalOf(SpspResponse spsp) {
        return totals.add(credentials.recover(spsp.destinationAccount()).orElseThrow().connectionId(), 0);
    }
}
