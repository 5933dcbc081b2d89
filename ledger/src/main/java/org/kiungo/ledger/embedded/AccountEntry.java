package org.kiungo.ledger.embedded;

import org.kiungo.ledger.Account;

/**
 * An account as the writer thread holds it: mutable balances (changed in place, no allocation per transfer) and
 * the account's live transfers as records of the live {@link TransferStore} in timestamp order, which is the index
 * that pages {@code accountTransfers} before the archive takes over.
 */
final class AccountEntry {
    final Account created;
    long debitsPending;
    long debitsPosted;
    long creditsPending;
    long creditsPosted;
    RecordList transfers = new RecordList();

    AccountEntry(Account account) {
        this.created = account;
        this.debitsPending = account.debitsPending();
        this.debitsPosted = account.debitsPosted();
        this.creditsPending = account.creditsPending();
        this.creditsPosted = account.creditsPosted();
    }

    Account toAccount() {
        return created.withBalances(debitsPending, debitsPosted, creditsPending, creditsPosted);
    }
}
