package org.kiungo.admin;

import graphql.schema.DataFetcher;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.Unsigned64;
import org.kiungo.peering.PeeringError;
import org.kiungo.peering.PeeringException;
import org.kiungo.peering.PeeringServices;
import org.kiungo.peering.WalletAddressRecord;
import org.kiungo.peering.Wallets;
import org.kiungo.stream.PaymentResult;
import org.kiungo.stream.Ratio;

/** Wallet addresses and payments from them: the queries, the mutations and the views of the schema's types. */
final class WalletResolvers {
    /** Longest slippage text accepted, such as {@code 0.005}. */
    static final int SLIPPAGE_CHARS_MAX = 32;

    private final PeeringServices services;
    private final Views views;
    private final WalletPayments payments;

    WalletResolvers(PeeringServices services, Views views, WalletPayments payments) {
        this.services = services;
        this.views = views;
        this.payments = payments;
    }

    Map<String, DataFetcher<?>> queries() {
        Wallets wallets = services.wallets();
        return Map.of(
                "walletAddress", env -> view(wallets.get(env.getArgument("id"))),
                "walletAddressByUrl", env -> wallets.byUrl(env.getArgument("url")).map(this::view).orElse(null),
                "walletAddresses", env -> Views.connection(wallets.page(env.getArgument("first"),
                        env.getArgument("after"), env.getArgument("last"), env.getArgument("before")),
                        w -> w.id().toString(), this::view));
    }

    Map<String, MutationResolvers.Mutation> mutations() {
        return Map.of(
                "createWalletAddress", in -> Views.success("Created wallet address", "walletAddress",
                        view(services.wallets().create(in.string("assetId"), in.string("url"),
                                in.optionalString("publicName")))),
                "depositWalletAddressLiquidity", in -> {
                    services.wallets().deposit(in.string("walletAddressId"), MutationResolvers.transferId(in),
                            in.amount("amount"));
                    return Views.success("Deposited wallet address liquidity", "error", null);
                },
                "createPayment", this::createPayment);
    }

    private Map<String, Object> createPayment(Arguments in) {
        WalletAddressRecord from = services.wallets().get(in.string("walletAddressId"));
        long amount = in.amount("amount");
        if (amount == 0) {
            throw new PeeringException(PeeringError.BAD_USER_INPUT, "amount must be greater than zero");
        }
        String receiver = in.string("receiver");
        PaymentResult result = payments.pay(from, receiver, amount, in.optionalString("slippage")
                .map(WalletResolvers::slippage));
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("walletAddressId", from.id().toString());
        payment.put("receiver", receiver);
        payment.put("sentAmount", Unsigned64.toBigInteger(result.sent()));
        payment.put("deliveredAmount", Unsigned64.toBigInteger(result.delivered()));
        payment.put("packetsFulfilled", Unsigned64.toBigInteger(result.packetsFulfilled()));
        payment.put("exchangeRate", result.probedRate().toString());
        payment.put("completed", result.completed());
        payment.put("stopReason", result.reason().name());
        payment.put("detail", result.detail());
        String message = result.completed() ? "Payment completed" : "Payment stopped: " + result.detail();
        return Views.success(message, "payment", payment);
    }

    Map<String, Object> view(WalletAddressRecord wallet) {
        Account account = services.wallets().account(wallet);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", wallet.id().toString());
        view.put("url", wallet.url().toString());
        view.put("paymentPointer", paymentPointer(wallet));
        view.put("publicName", wallet.publicName().orElse(null));
        view.put("asset", views.asset(services.wallets().asset(wallet)));
        view.put("liquidity", account.available());
        view.put("receivedTotal", Unsigned64.toBigInteger(account.creditsPosted()));
        view.put("sentTotal", Unsigned64.toBigInteger(account.debitsPosted()));
        view.put("createdAt", wallet.createdAt().toString());
        return view;
    }

    private static String paymentPointer(WalletAddressRecord wallet) {
        String authority = wallet.url().getRawAuthority();
        return "$" + authority + (wallet.path().equals(Wallets.WELL_KNOWN_PATH) ? "" : wallet.path());
    }

    private static Ratio slippage(String text) {
        try {
            if (text.length() <= SLIPPAGE_CHARS_MAX) {
                BigDecimal value = new BigDecimal(text);
                if (value.signum() >= 0 && value.compareTo(BigDecimal.ONE) < 0) {
                    return Ratio.of(value);
                }
            }
        } catch (NumberFormatException e) {
            // Falls through to the refusal below.
        }
        throw new PeeringException(PeeringError.BAD_USER_INPUT, "slippage must be a decimal from 0 to below 1, "
                + "such as 0.01");
    }
}
