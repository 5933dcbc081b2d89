package org.kiungo.ledger;

/**
 * The outcome of one transfer in a batch, with TigerBeetle's names and meanings. When several apply, the one
 * declared first here is returned: the declaration order is the precedence. Only {@link #OK} changes anything;
 * {@link #EXISTS} means the same transfer was already created (treat it as success when resubmitting after a
 * crash or a timeout).
 *
 * <p>One deliberate difference from TigerBeetle's documented order: the {@code EXISTS*} codes come before
 * {@code PENDING_TRANSFER_ALREADY_*}, so that resubmitting a post or void that succeeded answers {@link #EXISTS}
 * rather than "already posted" (TigerBeetle's state machine behaves this way too).
 */
public enum CreateTransferResult {
    OK,
    LINKED_EVENT_FAILED,
    LINKED_EVENT_CHAIN_OPEN,
    RESERVED_FLAG,
    ID_MUST_NOT_BE_ZERO,
    ID_MUST_NOT_BE_INT_MAX,
    FLAGS_ARE_MUTUALLY_EXCLUSIVE,
    DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO,
    DEBIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX,
    CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO,
    CREDIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX,
    ACCOUNTS_MUST_BE_DIFFERENT,
    PENDING_ID_MUST_BE_ZERO,
    PENDING_ID_MUST_NOT_BE_ZERO,
    PENDING_ID_MUST_NOT_BE_INT_MAX,
    PENDING_ID_MUST_BE_DIFFERENT,
    TIMEOUT_RESERVED_FOR_PENDING_TRANSFER,
    AMOUNT_MUST_NOT_BE_ZERO,
    LEDGER_MUST_NOT_BE_ZERO,
    CODE_MUST_NOT_BE_ZERO,
    DEBIT_ACCOUNT_NOT_FOUND,
    CREDIT_ACCOUNT_NOT_FOUND,
    ACCOUNTS_MUST_HAVE_THE_SAME_LEDGER,
    TRANSFER_MUST_HAVE_THE_SAME_LEDGER_AS_ACCOUNTS,
    PENDING_TRANSFER_NOT_FOUND,
    PENDING_TRANSFER_NOT_PENDING,
    PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID,
    PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID,
    PENDING_TRANSFER_HAS_DIFFERENT_LEDGER,
    PENDING_TRANSFER_HAS_DIFFERENT_CODE,
    EXCEEDS_PENDING_TRANSFER_AMOUNT,
    PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT,
    EXISTS_WITH_DIFFERENT_FLAGS,
    EXISTS_WITH_DIFFERENT_PENDING_ID,
    EXISTS_WITH_DIFFERENT_TIMEOUT,
    EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID,
    EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID,
    EXISTS_WITH_DIFFERENT_AMOUNT,
    EXISTS_WITH_DIFFERENT_LEDGER,
    EXISTS_WITH_DIFFERENT_CODE,
    EXISTS,
    PENDING_TRANSFER_ALREADY_POSTED,
    PENDING_TRANSFER_ALREADY_VOIDED,
    PENDING_TRANSFER_EXPIRED,
    OVERFLOWS_DEBITS_PENDING,
    OVERFLOWS_CREDITS_PENDING,
    OVERFLOWS_DEBITS_POSTED,
    OVERFLOWS_CREDITS_POSTED,
    OVERFLOWS_DEBITS,
    OVERFLOWS_CREDITS,
    OVERFLOWS_TIMEOUT,
    EXCEEDS_CREDITS,
    EXCEEDS_DEBITS;

    /** Whether the transfer exists after this result: newly created or already there with the same fields. */
    public boolean created() {
        return this == OK || this == EXISTS;
    }
}
