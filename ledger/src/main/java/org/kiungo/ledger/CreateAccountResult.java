package org.kiungo.ledger;

/**
 * The outcome of creating one account, with TigerBeetle's names; declaration order is precedence. Only
 * {@link #OK} creates anything; {@link #EXISTS} means the same account is already there.
 */
public enum CreateAccountResult {
    OK,
    TIMESTAMP_MUST_BE_ZERO,
    RESERVED_FLAG,
    ID_MUST_NOT_BE_ZERO,
    ID_MUST_NOT_BE_INT_MAX,
    FLAGS_ARE_MUTUALLY_EXCLUSIVE,
    DEBITS_PENDING_MUST_BE_ZERO,
    DEBITS_POSTED_MUST_BE_ZERO,
    CREDITS_PENDING_MUST_BE_ZERO,
    CREDITS_POSTED_MUST_BE_ZERO,
    LEDGER_MUST_NOT_BE_ZERO,
    CODE_MUST_NOT_BE_ZERO,
    EXISTS_WITH_DIFFERENT_FLAGS,
    EXISTS_WITH_DIFFERENT_LEDGER,
    EXISTS_WITH_DIFFERENT_CODE,
    EXISTS;

    /** Whether the account exists after this result. */
    public boolean created() {
        return this == OK || this == EXISTS;
    }
}
