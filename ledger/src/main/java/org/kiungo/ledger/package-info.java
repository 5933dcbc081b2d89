/**
 * Double-entry accounts and two-phase transfers, in TigerBeetle's terms: the model ({@link
 * org.kiungo.ledger.Account}, {@link org.kiungo.ledger.Transfer}, their flags and result codes), the {@link
 * org.kiungo.ledger.Ledger} interface every engine implements, and the checks the engines share.
 */
package org.kiungo.ledger;
