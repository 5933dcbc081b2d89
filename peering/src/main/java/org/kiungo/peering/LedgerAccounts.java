package org.kiungo.peering;

import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountFlags;
import org.kiungo.ledger.AccountKind;
import org.kiungo.ledger.CreateAccountResult;
import org.kiungo.ledger.Ledger;

/** Creates the ledger accounts of assets and peers and reads their liquidity. */
final class LedgerAccounts {
    private final Ledger ledger;

    LedgerAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Creates an account; liquidity accounts may never overdraw, settlement accounts may. */
    void create(UUID id, int ledgerId, AccountKind kind) {
        AccountFlags flags = kind == AccountKind.SETTLEMENT ? AccountFlags.NONE
                : AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS;
        CreateAccountResult result = ledger.createAccounts(List.of(Account.create(id, ledgerId, kind.code(), flags)))
                .join().get(0);
        if (result != CreateAccountResult.OK) {
            throw new IllegalStateException("the ledger refused the " + kind + " account: " + result);
        }
    }

    /** What the account can still spend now: credits posted minus debits posted and pending. */
    BigInteger liquidity(UUID accountId) {
        return ledger.lookupAccount(accountId).map(Account::available).orElse(BigInteger.ZERO);
    }

    Ledger ledger() {
        return ledger;
    }
}
