package org.kiungo.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.ledger.CreateTransferResult.EXISTS;
import static org.kiungo.ledger.CreateTransferResult.LINKED_EVENT_FAILED;
import static org.kiungo.ledger.CreateTransferResult.OK;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every ledger engine must do, whatever it is built on. An engine's test extends this class and says how
 * to make a fresh, empty ledger that takes its time from {@link #clock}. Every test ends by checking that the
 * ledger balances: total debits equal total credits, pending and posted.
 */
public abstract class LedgerContractTest {
    protected static final int USD = 1;
    protected static final int EUR = 2;
    protected static final int CODE = 7;

    protected final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    protected final List<UUID> accounts = new ArrayList<>();
    protected Ledger ledger;

    /** A new, empty ledger whose time comes from {@link #clock}. */
    protected abstract Ledger newLedger();

    @BeforeEach
    void openLedger() {
        ledger = newLedger();
    }

    @AfterEach
    void shouldBalanceDebitsAndCredits() {
        try {
            assertBalanced(ledger, accounts);
        } finally {
            ledger.close();
        }
    }

    /** Total debits equal total credits, pending and posted, over {@code ids}. */
    public static void assertBalanced(Ledger ledger, List<UUID> ids) {
        BigInteger debitsPending = BigInteger.ZERO;
        BigInteger debitsPosted = BigInteger.ZERO;
        BigInteger creditsPending = BigInteger.ZERO;
        BigInteger creditsPosted = BigInteger.ZERO;
        for (Account account : ledger.lookupAccounts(ids)) {
            debitsPending = debitsPending.add(Unsigned64.toBigInteger(account.debitsPending()));
            debitsPosted = debitsPosted.add(Unsigned64.toBigInteger(account.debitsPosted()));
            creditsPending = creditsPending.add(Unsigned64.toBigInteger(account.creditsPending()));
            creditsPosted = creditsPosted.add(Unsigned64.toBigInteger(account.creditsPosted()));
        }
        assertThat(debitsPending).as("debits pending = credits pending").isEqualTo(creditsPending);
        assertThat(debitsPosted).as("debits posted = credits posted").isEqualTo(creditsPosted);
    }

    protected UUID account(int ledgerId, AccountFlags flags) {
        UUID id = Ids.random();
        assertThat(ledger.createAccounts(List.of(Account.create(id, ledgerId, CODE, flags))).join())
                .containsExactly(CreateAccountResult.OK);
        accounts.add(id);
        return id;
    }

    /** An account that may not spend more than it received: a peer's liquidity. */
    protected UUID limited() {
        return account(USD, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    protected UUID unlimited() {
        return account(USD, AccountFlags.NONE);
    }

    protected CreateTransferResult create(Transfer transfer) {
        return ledger.createTransfer(transfer).join();
    }

    protected List<CreateTransferResult> create(Transfer... transfers) {
        return ledger.createTransfers(List.of(transfers)).join();
    }

    protected static Transfer posted(UUID debit, UUID credit, long amount) {
        return Transfer.posted(Ids.random(), debit, credit, amount, USD, CODE);
    }

    protected static Transfer pending(UUID debit, UUID credit, long amount, long timeoutSeconds) {
        return Transfer.pending(Ids.random(), debit, credit, amount, USD, CODE, timeoutSeconds);
    }

    protected Account balances(UUID id) {
        return ledger.lookupAccount(id).orElseThrow();
    }

    /** A limited account funded with {@code amount} from an unlimited one. */
    protected UUID funded(long amount) {
        UUID source = unlimited();
        UUID target = limited();
        assertThat(create(posted(source, target, amount))).isEqualTo(OK);
        return target;
    }

    protected void assertBalances(UUID id, long debitsPending, long debitsPosted, long creditsPending,
                                  long creditsPosted) {
        Account account = balances(id);
        assertThat(new long[] {account.debitsPending(), account.debitsPosted(), account.creditsPending(),
            account.creditsPosted()}).as("balances of %s", account)
                .containsExactly(debitsPending, debitsPosted, creditsPending, creditsPosted);
    }

    // ---- accounts

    @Test
    void shouldCreateAnAccountOnceAndAnswerExistsAfterwards() {
        UUID id = Ids.random();
        Account account = Account.create(id, USD, CODE, AccountFlags.NONE);
        accounts.add(id);
        assertThat(ledger.createAccounts(List.of(account, account)).join())
                .containsExactly(CreateAccountResult.OK, CreateAccountResult.EXISTS);
        assertThat(ledger.createAccounts(List.of(Account.create(id, EUR, CODE, AccountFlags.NONE),
                Account.create(id, USD, CODE + 1, AccountFlags.NONE),
                Account.create(id, USD, CODE, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS))).join())
                .containsExactly(CreateAccountResult.EXISTS_WITH_DIFFERENT_LEDGER,
                        CreateAccountResult.EXISTS_WITH_DIFFERENT_CODE,
                        CreateAccountResult.EXISTS_WITH_DIFFERENT_FLAGS);
        Account stored = balances(id);
        assertThat(stored.ledger()).isEqualTo(USD);
        assertThat(stored.timestamp()).isPositive();
    }

    @Test
    void shouldRefuseMalformedAccounts() {
        UUID id = Ids.random();
        assertThat(ledger.createAccounts(List.of(
                Account.create(Ids.ZERO, USD, CODE, AccountFlags.NONE),
                Account.create(Ids.MAX, USD, CODE, AccountFlags.NONE),
                Account.create(id, USD, CODE, new AccountFlags(AccountFlags.KNOWN_BITS)),
                Account.create(id, USD, CODE, new AccountFlags(1 << 9)),
                Account.create(id, USD, CODE, AccountFlags.NONE).withBalances(0, 5, 0, 0),
                Account.create(id, 0, CODE, AccountFlags.NONE),
                Account.create(id, USD, 0, AccountFlags.NONE),
                new Account(id, USD, CODE, AccountFlags.NONE, 0, 0, 0, 0, 42))).join())
                .containsExactly(CreateAccountResult.ID_MUST_NOT_BE_ZERO, CreateAccountResult.ID_MUST_NOT_BE_INT_MAX,
                        CreateAccountResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE, CreateAccountResult.RESERVED_FLAG,
                        CreateAccountResult.DEBITS_POSTED_MUST_BE_ZERO, CreateAccountResult.LEDGER_MUST_NOT_BE_ZERO,
                        CreateAccountResult.CODE_MUST_NOT_BE_ZERO, CreateAccountResult.TIMESTAMP_MUST_BE_ZERO);
        assertThat(ledger.lookupAccount(id)).isEmpty();
    }

    // ---- posted transfers

    @Test
    void shouldMoveAPostedAmountFromDebitToCredit() {
        UUID from = unlimited();
        UUID to = unlimited();
        Transfer transfer = posted(from, to, 250);
        assertThat(create(transfer)).isEqualTo(OK);
        assertBalances(from, 0, 250, 0, 0);
        assertBalances(to, 0, 0, 0, 250);
        Transfer stored = ledger.lookupTransfer(transfer.id()).orElseThrow();
        assertThat(stored.withTimestamp(0)).isEqualTo(transfer);
        assertThat(stored.timestamp()).isPositive();
    }

    @Test
    void shouldAnswerExistsForAResubmittedTransferAndChangeNothing() {
        UUID from = unlimited();
        UUID to = unlimited();
        Transfer transfer = posted(from, to, 250);
        assertThat(create(transfer)).isEqualTo(OK);
        assertThat(create(transfer, transfer)).containsExactly(EXISTS, EXISTS);
        assertBalances(to, 0, 0, 0, 250);
    }

    @Test
    void shouldRefuseAnIdReusedWithOtherFields() {
        UUID from = unlimited();
        UUID to = unlimited();
        UUID other = unlimited();
        Transfer transfer = posted(from, to, 250);
        assertThat(create(transfer)).isEqualTo(OK);
        Transfer t = transfer;
        assertThat(create(new Transfer(t.id(), from, to, 251, Ids.ZERO, USD, CODE, TransferFlags.NONE, 0, 0),
                new Transfer(t.id(), other, to, 250, Ids.ZERO, USD, CODE, TransferFlags.NONE, 0, 0),
                new Transfer(t.id(), from, other, 250, Ids.ZERO, USD, CODE, TransferFlags.NONE, 0, 0),
                new Transfer(t.id(), from, to, 250, Ids.ZERO, USD, CODE + 1, TransferFlags.NONE, 0, 0),
                new Transfer(t.id(), from, to, 250, Ids.ZERO, USD, CODE, TransferFlags.PENDING, 0, 0),
                new Transfer(t.id(), from, to, 250, Ids.ZERO, USD, CODE, TransferFlags.PENDING, 9, 0)))
                .containsExactly(CreateTransferResult.EXISTS_WITH_DIFFERENT_AMOUNT,
                        CreateTransferResult.EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID,
                        CreateTransferResult.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID,
                        CreateTransferResult.EXISTS_WITH_DIFFERENT_CODE,
                        CreateTransferResult.EXISTS_WITH_DIFFERENT_FLAGS,
                        CreateTransferResult.EXISTS_WITH_DIFFERENT_FLAGS);
        assertBalances(to, 0, 0, 0, 250);
        assertBalances(other, 0, 0, 0, 0);
    }

    @Test
    void shouldRefuseMalformedTransfersWithTheirOwnCodeAndChangeNothing() {
        UUID a = unlimited();
        UUID b = unlimited();
        UUID euro = account(EUR, AccountFlags.NONE);
        UUID id = Ids.random();
        TransferFlags none = TransferFlags.NONE;
        assertThat(create(
                new Transfer(Ids.ZERO, a, b, 1, Ids.ZERO, USD, CODE, none, 0, 0),
                new Transfer(Ids.MAX, a, b, 1, Ids.ZERO, USD, CODE, none, 0, 0),
                new Transfer(id, a, b, 1, Ids.ZERO, USD, CODE, new TransferFlags(1 << 7), 0, 0),
                new Transfer(id, a, b, 1, Ids.ZERO, USD, CODE, TransferFlags.PENDING.with(TransferFlags.VOID_PENDING),
                        0, 0),
                new Transfer(id, Ids.ZERO, b, 1, Ids.ZERO, USD, CODE, none, 0, 0),
                new Transfer(id, a, Ids.ZERO, 1, Ids.ZERO, USD, CODE, none, 0, 0),
                new Transfer(id, a, a, 1, Ids.ZERO, USD, CODE, none, 0, 0),
                new Transfer(id, a, b, 1, Ids.random(), USD, CODE, none, 0, 0),
                new Transfer(id, a, b, 1, Ids.ZERO, USD, CODE, none, 30, 0),
                new Transfer(id, a, b, 0, Ids.ZERO, USD, CODE, none, 0, 0),
                new Transfer(id, a, b, 1, Ids.ZERO, 0, CODE, none, 0, 0),
                new Transfer(id, a, b, 1, Ids.ZERO, USD, 0, none, 0, 0),
                new Transfer(id, Ids.random(), b, 1, Ids.ZERO, USD, CODE, none, 0, 0),
                new Transfer(id, a, Ids.random(), 1, Ids.ZERO, USD, CODE, none, 0, 0),
                new Transfer(id, a, euro, 1, Ids.ZERO, USD, CODE, none, 0, 0),
                new Transfer(id, a, b, 1, Ids.ZERO, EUR, CODE, none, 0, 0)))
                .containsExactly(CreateTransferResult.ID_MUST_NOT_BE_ZERO, CreateTransferResult.ID_MUST_NOT_BE_INT_MAX,
                        CreateTransferResult.RESERVED_FLAG, CreateTransferResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE,
                        CreateTransferResult.DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO,
                        CreateTransferResult.CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO,
                        CreateTransferResult.ACCOUNTS_MUST_BE_DIFFERENT, CreateTransferResult.PENDING_ID_MUST_BE_ZERO,
                        CreateTransferResult.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER,
                        CreateTransferResult.AMOUNT_MUST_NOT_BE_ZERO, CreateTransferResult.LEDGER_MUST_NOT_BE_ZERO,
                        CreateTransferResult.CODE_MUST_NOT_BE_ZERO, CreateTransferResult.DEBIT_ACCOUNT_NOT_FOUND,
                        CreateTransferResult.CREDIT_ACCOUNT_NOT_FOUND,
                        CreateTransferResult.ACCOUNTS_MUST_HAVE_THE_SAME_LEDGER,
                        CreateTransferResult.TRANSFER_MUST_HAVE_THE_SAME_LEDGER_AS_ACCOUNTS);
        assertThat(ledger.lookupTransfer(id)).isEmpty();
        assertBalances(a, 0, 0, 0, 0);
        assertBalances(b, 0, 0, 0, 0);
    }

    @Test
    void shouldRefuseToSpendMoreThanTheAccountReceived() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        assertThat(create(posted(peer, sink, 101))).isEqualTo(CreateTransferResult.EXCEEDS_CREDITS);
        assertThat(create(posted(peer, sink, 100))).isEqualTo(OK);
        assertThat(create(posted(peer, sink, 1))).isEqualTo(CreateTransferResult.EXCEEDS_CREDITS);
        assertBalances(peer, 0, 100, 0, 100);
    }

    @Test
    void shouldRefuseToCreditMoreThanTheAccountWasDebited() {
        UUID capped = account(USD, AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS);
        UUID other = unlimited();
        assertThat(create(posted(other, capped, 1))).isEqualTo(CreateTransferResult.EXCEEDS_DEBITS);
        assertThat(create(posted(capped, other, 10))).isEqualTo(OK);
        assertThat(create(posted(other, capped, 10))).isEqualTo(OK);
        assertBalances(capped, 0, 10, 0, 10);
    }

    @Test
    void shouldApplyABatchInOrderSoThatALaterTransferMaySpendAnEarlierOne() {
        UUID source = unlimited();
        UUID peer = limited();
        UUID sink = unlimited();
        assertThat(create(posted(peer, sink, 5), posted(source, peer, 5), posted(peer, sink, 5)))
                .containsExactly(CreateTransferResult.EXCEEDS_CREDITS, OK, OK);
        assertBalances(peer, 0, 5, 0, 5);
    }

    @Test
    void shouldApplyCallsMadeWithoutWaitingInTheOrderMade() {
        UUID source = unlimited();
        UUID peer = limited();
        UUID sink = unlimited();
        // A large call the engine batches, then small ones that depend on it, none waiting for the one before.
        List<Transfer> deposits = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            deposits.add(posted(source, peer, 2));
        }
        Transfer reservation = pending(peer, sink, 1_000, 30);
        Transfer voided = Transfer.voidPending(Ids.random(), reservation.id());
        Transfer again = pending(peer, sink, 1_000, 30);
        var funded = ledger.createTransfers(deposits);
        var reserved = ledger.createReservations(List.of(reservation));
        var released = ledger.createReservations(List.of(voided));
        var reservedAgain = ledger.createReservations(List.of(again));
        var posted = ledger.createTransfer(Transfer.post(Ids.random(), again.id(), 0));
        assertThat(funded.join()).containsOnly(OK);
        assertThat(List.of(reserved.join().get(0), released.join().get(0), reservedAgain.join().get(0),
                posted.join())).containsOnly(OK);
        assertBalances(peer, 0, 1_000, 0, 1_000);
        assertBalances(sink, 0, 0, 0, 1_000);
    }

    @Test
    void shouldReportOverflowInsteadOfWrappingABalance() {
        UUID a = unlimited();
        UUID b = unlimited();
        UUID c = unlimited();
        assertThat(create(posted(a, b, Unsigned64.MAX))).isEqualTo(OK);
        assertThat(create(posted(a, c, 1))).isEqualTo(CreateTransferResult.OVERFLOWS_DEBITS_POSTED);
        assertThat(create(posted(c, b, 1))).isEqualTo(CreateTransferResult.OVERFLOWS_CREDITS_POSTED);
        assertThat(create(pending(a, c, 1, 0))).isEqualTo(CreateTransferResult.OVERFLOWS_DEBITS);
        assertThat(create(pending(c, b, 1, 0))).isEqualTo(CreateTransferResult.OVERFLOWS_CREDITS);
        assertThat(create(pending(c, a, Unsigned64.MAX, 0))).isEqualTo(OK);
        assertThat(create(pending(c, a, 1, 0))).isEqualTo(CreateTransferResult.OVERFLOWS_DEBITS_PENDING);
        assertBalances(b, 0, 0, 0, Unsigned64.MAX);
        assertBalances(c, Unsigned64.MAX, 0, 0, 0);
    }

    // ---- two-phase transfers

    @Test
    void shouldReserveThenPostAPendingTransfer() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer reservation = pending(peer, sink, 60, 30);
        assertThat(create(reservation)).isEqualTo(OK);
        assertBalances(peer, 60, 0, 0, 100);
        assertThat(create(posted(peer, sink, 41))).isEqualTo(CreateTransferResult.EXCEEDS_CREDITS);
        assertThat(ledger.pendingState(reservation.id())).contains(PendingState.PENDING);
        Transfer post = Transfer.post(Ids.random(), reservation.id(), 0);
        assertThat(create(post)).isEqualTo(OK);
        assertBalances(peer, 0, 60, 0, 100);
        assertBalances(sink, 0, 0, 0, 60);
        assertThat(ledger.pendingState(reservation.id())).contains(PendingState.POSTED);
        Transfer stored = ledger.lookupTransfer(post.id()).orElseThrow();
        assertThat(stored.amount()).isEqualTo(60);
        assertThat(stored.debitAccountId()).isEqualTo(peer);
        assertThat(stored.creditAccountId()).isEqualTo(sink);
    }

    @Test
    void shouldApplyReservationsAndVoidsAtOnceAndCountThemAgainstLiquidity() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer first = pending(peer, sink, 60, 30);
        Transfer second = pending(peer, sink, 50, 30);

        assertThat(ledger.createReservations(List.of(first, second)).join()).containsExactly(OK,
                CreateTransferResult.EXCEEDS_CREDITS);
        assertBalances(peer, 60, 0, 0, 100);
        assertThat(ledger.createReservations(List.of(Transfer.voidPending(Ids.random(), first.id()))).join())
                .containsExactly(OK);
        assertBalances(peer, 0, 0, 0, 100);
        Transfer third = pending(peer, sink, 70, 30);
        assertThat(ledger.createReservations(List.of(third)).join()).containsExactly(OK);
        assertThat(create(Transfer.post(Ids.random(), third.id(), 0))).isEqualTo(OK);
        assertBalances(sink, 0, 0, 0, 70);
    }

    @Test
    void shouldRefuseToCreateAnythingButReservationsAndVoidsBeforeItIsDurable() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer reservation = pending(peer, sink, 10, 30);
        assertThat(create(reservation)).isEqualTo(OK);

        for (Transfer transfer : List.of(posted(peer, sink, 1), pending(peer, sink, 1, 0),
                Transfer.post(Ids.random(), reservation.id(), 0))) {
            assertThatThrownBy(() -> ledger.createReservations(List.of(transfer)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(transfer.id().toString());
        }
        assertBalances(peer, 10, 0, 0, 100);
    }

    @Test
    void shouldPostLessThanThePendingAmountAndReleaseTheRest() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer reservation = pending(peer, sink, 60, 30);
        assertThat(create(reservation)).isEqualTo(OK);
        assertThat(create(Transfer.post(Ids.random(), reservation.id(), 61)))
                .isEqualTo(CreateTransferResult.EXCEEDS_PENDING_TRANSFER_AMOUNT);
        assertThat(create(Transfer.post(Ids.random(), reservation.id(), 25))).isEqualTo(OK);
        assertBalances(peer, 0, 25, 0, 100);
        assertBalances(sink, 0, 0, 0, 25);
    }

    @Test
    void shouldVoidAPendingTransferAndReleaseIt() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer reservation = pending(peer, sink, 60, 30);
        assertThat(create(reservation)).isEqualTo(OK);
        assertThat(create(new Transfer(Ids.random(), Ids.ZERO, Ids.ZERO, 59, reservation.id(), 0, 0,
                TransferFlags.VOID_PENDING, 0, 0)))
                .isEqualTo(CreateTransferResult.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT);
        assertThat(create(Transfer.voidPending(Ids.random(), reservation.id()))).isEqualTo(OK);
        assertBalances(peer, 0, 0, 0, 100);
        assertBalances(sink, 0, 0, 0, 0);
        assertThat(ledger.pendingState(reservation.id())).contains(PendingState.VOIDED);
    }

    @Test
    void shouldRefuseToPostTwiceOrToVoidAfterPosting() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer reservation = pending(peer, sink, 60, 30);
        Transfer post = Transfer.post(Ids.random(), reservation.id(), 0);
        assertThat(create(reservation, post)).containsExactly(OK, OK);
        assertThat(create(Transfer.post(Ids.random(), reservation.id(), 0)))
                .isEqualTo(CreateTransferResult.PENDING_TRANSFER_ALREADY_POSTED);
        assertThat(create(Transfer.voidPending(Ids.random(), reservation.id())))
                .isEqualTo(CreateTransferResult.PENDING_TRANSFER_ALREADY_POSTED);
        assertThat(create(post)).isEqualTo(EXISTS);
        assertBalances(sink, 0, 0, 0, 60);
    }

    @Test
    void shouldRefuseToPostAVoidedTransfer() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer reservation = pending(peer, sink, 60, 30);
        Transfer voiding = Transfer.voidPending(Ids.random(), reservation.id());
        assertThat(create(reservation, voiding)).containsExactly(OK, OK);
        assertThat(create(Transfer.post(Ids.random(), reservation.id(), 0)))
                .isEqualTo(CreateTransferResult.PENDING_TRANSFER_ALREADY_VOIDED);
        assertThat(create(voiding)).isEqualTo(EXISTS);
        assertBalances(sink, 0, 0, 0, 0);
    }

    @Test
    void shouldRefuseToSettleWhatIsNotAMatchingPendingTransfer() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        UUID other = unlimited();
        Transfer reservation = pending(peer, sink, 60, 30);
        Transfer plain = posted(peer, sink, 1);
        assertThat(create(reservation, plain)).containsExactly(OK, OK);
        UUID pendingId = reservation.id();
        assertThat(create(Transfer.post(Ids.random(), Ids.random(), 0),
                Transfer.post(Ids.random(), plain.id(), 0),
                new Transfer(Ids.random(), other, Ids.ZERO, 0, pendingId, 0, 0, TransferFlags.POST_PENDING, 0, 0),
                new Transfer(Ids.random(), Ids.ZERO, other, 0, pendingId, 0, 0, TransferFlags.POST_PENDING, 0, 0),
                new Transfer(Ids.random(), Ids.ZERO, Ids.ZERO, 0, pendingId, EUR, 0, TransferFlags.POST_PENDING, 0, 0),
                new Transfer(Ids.random(), Ids.ZERO, Ids.ZERO, 0, pendingId, 0, 99, TransferFlags.POST_PENDING, 0, 0),
                Transfer.post(Ids.ZERO, pendingId, 0),
                Transfer.post(Ids.random(), Ids.ZERO, 0),
                Transfer.post(pendingId, pendingId, 0),
                new Transfer(Ids.random(), Ids.ZERO, Ids.ZERO, 0, pendingId, 0, 0, TransferFlags.POST_PENDING, 5, 0)))
                .containsExactly(CreateTransferResult.PENDING_TRANSFER_NOT_FOUND,
                        CreateTransferResult.PENDING_TRANSFER_NOT_PENDING,
                        CreateTransferResult.PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID,
                        CreateTransferResult.PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID,
                        CreateTransferResult.PENDING_TRANSFER_HAS_DIFFERENT_LEDGER,
                        CreateTransferResult.PENDING_TRANSFER_HAS_DIFFERENT_CODE,
                        CreateTransferResult.ID_MUST_NOT_BE_ZERO, CreateTransferResult.PENDING_ID_MUST_NOT_BE_ZERO,
                        CreateTransferResult.PENDING_ID_MUST_BE_DIFFERENT,
                        CreateTransferResult.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER);
        assertBalances(peer, 60, 1, 0, 100);
        assertThat(ledger.pendingState(pendingId)).contains(PendingState.PENDING);
    }

    // ---- expiry

    @Test
    void shouldRefuseToPostAnExpiredTransfer() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer reservation = pending(peer, sink, 60, 30);
        assertThat(create(reservation)).isEqualTo(OK);
        // Timestamps are unique, so the reservation was made a few nanoseconds after the clock's instant.
        clock.advance(Duration.ofSeconds(30).plusMillis(1));
        assertThat(create(Transfer.post(Ids.random(), reservation.id(), 0)))
                .isEqualTo(CreateTransferResult.PENDING_TRANSFER_EXPIRED);
        assertThat(create(Transfer.voidPending(Ids.random(), reservation.id())))
                .isEqualTo(CreateTransferResult.PENDING_TRANSFER_EXPIRED);
        assertBalances(peer, 0, 0, 0, 100);
        assertBalances(sink, 0, 0, 0, 0);
    }

    @Test
    void shouldPostJustBeforeTheTimeoutPasses() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer reservation = pending(peer, sink, 60, 30);
        assertThat(create(reservation)).isEqualTo(OK);
        clock.advance(Duration.ofSeconds(29));
        assertThat(create(Transfer.post(Ids.random(), reservation.id(), 0))).isEqualTo(OK);
        clock.advance(Duration.ofSeconds(60));
        assertBalances(sink, 0, 0, 0, 60);
        assertThat(ledger.pendingState(reservation.id())).contains(PendingState.POSTED);
    }

    @Test
    void shouldReleaseAnExpiredReservationWithoutAnyoneTouchingIt() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer reservation = pending(peer, sink, 60, 30);
        Transfer forever = pending(peer, sink, 10, 0);
        assertThat(create(reservation, forever)).containsExactly(OK, OK);
        clock.advance(Duration.ofSeconds(31));
        assertBalances(peer, 10, 0, 0, 100);
        assertBalances(sink, 0, 0, 10, 0);
        assertThat(ledger.pendingState(reservation.id())).contains(PendingState.EXPIRED);
        assertThat(ledger.pendingState(forever.id())).contains(PendingState.PENDING);
    }

    // ---- linked chains

    @Test
    void shouldApplyALinkedChainAsOne() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        UUID other = unlimited();
        assertThat(create(posted(peer, sink, 30).linked(), posted(sink, other, 30)))
                .containsExactly(OK, OK);
        assertBalances(sink, 0, 30, 0, 30);
        assertBalances(other, 0, 0, 0, 30);
    }

    @Test
    void shouldFailTheWholeChainWhenOneTransferFails() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        UUID poor = limited();
        Transfer first = pending(peer, sink, 30, 30).linked();
        Transfer second = posted(sink, peer, 5).linked();
        Transfer failing = posted(poor, sink, 1).linked();
        Transfer last = posted(sink, peer, 1);
        Transfer independent = posted(peer, sink, 2);
        assertThat(create(first, second, failing, last, independent)).containsExactly(LINKED_EVENT_FAILED,
                LINKED_EVENT_FAILED, CreateTransferResult.EXCEEDS_CREDITS, LINKED_EVENT_FAILED, OK);
        assertThat(ledger.lookupTransfers(List.of(first.id(), second.id(), last.id()))).isEmpty();
        assertThat(ledger.pendingState(first.id())).isEmpty();
        assertBalances(peer, 0, 2, 0, 100);
        assertBalances(sink, 0, 0, 0, 2);
        assertThat(create(first, second, last)).containsExactly(OK, OK, OK);
    }

    @Test
    void shouldUndoAPostInAFailedChainSoThePendingTransferCanStillBePosted() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer reservation = pending(peer, sink, 40, 30);
        assertThat(create(reservation)).isEqualTo(OK);
        Transfer post = Transfer.post(Ids.random(), reservation.id(), 0).linked();
        assertThat(create(post, posted(Ids.random(), sink, 1)))
                .containsExactly(LINKED_EVENT_FAILED, CreateTransferResult.DEBIT_ACCOUNT_NOT_FOUND);
        assertBalances(peer, 40, 0, 0, 100);
        assertThat(ledger.pendingState(reservation.id())).contains(PendingState.PENDING);
        assertThat(create(Transfer.post(Ids.random(), reservation.id(), 0))).isEqualTo(OK);
    }

    @Test
    void shouldRefuseAChainLeftOpenAtTheEndOfTheBatch() {
        UUID a = unlimited();
        UUID b = unlimited();
        assertThat(create(posted(a, b, 1).linked(), posted(a, b, 2).linked()))
                .containsExactly(LINKED_EVENT_FAILED, CreateTransferResult.LINKED_EVENT_CHAIN_OPEN);
        assertBalances(a, 0, 0, 0, 0);
    }

    // ---- queries

    @Test
    void shouldPageThroughAnAccountsTransfersOldestFirst() {
        UUID a = unlimited();
        UUID b = unlimited();
        UUID c = unlimited();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Transfer transfer = i % 2 == 0 ? posted(a, b, i + 1) : posted(c, a, i + 1);
            assertThat(create(transfer)).isEqualTo(OK);
            created.add(transfer.id());
        }
        assertThat(create(posted(b, c, 1))).isEqualTo(OK);
        List<UUID> seen = new ArrayList<>();
        long cursor = TransferPage.FIRST;
        List<Boolean> hasMore = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            TransferPage result = ledger.accountTransfers(a, cursor, 10);
            result.transfers().forEach(t -> seen.add(t.id()));
            hasMore.add(result.hasMore());
            cursor = result.nextCursor();
            if (!result.hasMore()) break;
        }
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(hasMore).containsExactly(true, true, false);
        assertThat(ledger.accountTransfers(a, cursor, 10).transfers()).isEmpty();
        assertThat(ledger.accountTransfers(Ids.random(), TransferPage.FIRST, 10).transfers()).isEmpty();
    }

    @Test
    void shouldTellWhetherAnAccountHasPostedTransfers() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer reservation = pending(peer, sink, 60, 30);
        assertThat(create(reservation, Transfer.voidPending(Ids.random(), reservation.id())))
                .containsExactly(OK, OK);
        assertThat(ledger.hasPostedTransfers(sink)).isFalse();
        assertThat(ledger.hasPostedTransfers(peer)).isTrue();
        assertThat(ledger.hasPostedTransfers(Ids.random())).isFalse();
        Transfer second = pending(peer, sink, 10, 30);
        assertThat(create(second, Transfer.post(Ids.random(), second.id(), 0))).containsExactly(OK, OK);
        assertThat(ledger.hasPostedTransfers(sink)).isTrue();
    }

    @Test
    void shouldLookUpOnlyWhatExistsInTheOrderAsked() {
        UUID a = unlimited();
        UUID b = unlimited();
        Transfer first = posted(a, b, 1);
        Transfer second = posted(b, a, 2);
        assertThat(create(first, second)).containsExactly(OK, OK);
        assertThat(ledger.lookupTransfers(List.of(second.id(), Ids.random(), first.id())))
                .extracting(Transfer::id).containsExactly(second.id(), first.id());
        assertThat(ledger.lookupAccounts(List.of(b, Ids.random(), a))).extracting(Account::id).containsExactly(b, a);
    }
}
