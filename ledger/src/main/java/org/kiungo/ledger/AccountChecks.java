package org.kiungo.ledger;

/** The checks of {@code createAccounts}, in precedence order, shared by every engine. */
public final class AccountChecks {
    private AccountChecks() {
    }

    /** The first field error of {@code account}, or {@code null} when it may be created. */
    public static CreateAccountResult fieldError(Account account) {
        if (account.timestamp() != 0) return CreateAccountResult.TIMESTAMP_MUST_BE_ZERO;
        if ((account.flags().bits() & ~AccountFlags.KNOWN_BITS) != 0) return CreateAccountResult.RESERVED_FLAG;
        if (account.id().equals(Ids.ZERO)) return CreateAccountResult.ID_MUST_NOT_BE_ZERO;
        if (account.id().equals(Ids.MAX)) return CreateAccountResult.ID_MUST_NOT_BE_INT_MAX;
        if (account.flags().debitsMustNotExceedCredits() && account.flags().creditsMustNotExceedDebits()) {
            return CreateAccountResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        }
        if (account.debitsPending() != 0) return CreateAccountResult.DEBITS_PENDING_MUST_BE_ZERO;
        if (account.debitsPosted() != 0) return CreateAccountResult.DEBITS_POSTED_MUST_BE_ZERO;
        if (account.creditsPending() != 0) return CreateAccountResult.CREDITS_PENDING_MUST_BE_ZERO;
        if (account.creditsPosted() != 0) return CreateAccountResult.CREDITS_POSTED_MUST_BE_ZERO;
        if (account.ledger() == 0) return CreateAccountResult.LEDGER_MUST_NOT_BE_ZERO;
        if (account.code() == 0) return CreateAccountResult.CODE_MUST_NOT_BE_ZERO;
        return null;
    }

    /** How {@code resubmitted} differs from the {@code existing} account with its id: an EXISTS code. */
    public static CreateAccountResult existsResult(Account resubmitted, Account existing) {
        if (resubmitted.flags().bits() != existing.flags().bits()) {
            return CreateAccountResult.EXISTS_WITH_DIFFERENT_FLAGS;
        }
        if (resubmitted.ledger() != existing.ledger()) return CreateAccountResult.EXISTS_WITH_DIFFERENT_LEDGER;
        if (resubmitted.code() != existing.code()) return CreateAccountResult.EXISTS_WITH_DIFFERENT_CODE;
        return CreateAccountResult.EXISTS;
    }
}
