package org.kiungo.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.admin.AdminFixture.code;
import static org.kiungo.admin.AdminFixture.data;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.stream.PaymentResult;
import org.kiungo.stream.Ratio;

/** Wallet addresses and payments through the GraphQL layer: Rafiki's shapes, balances, errors, the payment report. */
final class WalletAdminApiTest {
    static final String CREATE_WALLET = "mutation($input: CreateWalletAddressInput!) { createWalletAddress("
            + "input: $input) { code success message walletAddress { id url paymentPointer publicName createdAt "
            + "asset { id code scale } } } }";
    static final String WALLET = "query($id: String!) { walletAddress(id: $id) { id url liquidity receivedTotal "
            + "sentTotal } }";
    static final String DEPOSIT = "mutation($input: DepositWalletAddressLiquidityInput!) { "
            + "depositWalletAddressLiquidity(input: $input) { code success message } }";
    static final String PAY = "mutation($input: CreatePaymentInput!) { createPayment(input: $input) { code success "
            + "message payment { sentAmount deliveredAmount packetsFulfilled exchangeRate completed stopReason "
            + "detail } } }";

    @TempDir
    Path directory;
    AdminFixture admin;
    String usd;

    @BeforeEach
    void open() {
        admin = new AdminFixture(directory);
        usd = (String) ((Map<?, ?>) data(admin.run(AdminApiTest.CREATE_ASSET,
                "{\"input\": {\"code\": \"USD\", \"scale\": 2}}"), "createAsset").get("asset")).get("id");
    }

    @AfterEach
    void close() {
        admin.close();
    }

    private Map<String, Object> create(String url) {
        return admin.run(CREATE_WALLET, """
                {"input": {"assetId": "%s", "url": "%s", "publicName": "Sarah Marshall"}}""".formatted(usd, url));
    }

    private String wallet(String url) {
        return (String) ((Map<?, ?>) data(create(url), "createWalletAddress").get("walletAddress")).get("id");
    }

    @Test
    void shouldCreateAWalletAddressAsRafikiAnswers() {
        Map<String, Object> created = data(create("https://example.wallet.com/Sarah"), "createWalletAddress");

        assertThat(created).containsEntry("code", "200").containsEntry("success", true)
                .containsEntry("message", "Created wallet address");
        Map<?, ?> wallet = (Map<?, ?>) created.get("walletAddress");
        assertThat(wallet.get("url")).isEqualTo("https://example.wallet.com/sarah");
        assertThat(wallet.get("paymentPointer")).isEqualTo("$example.wallet.com/sarah");
        assertThat(wallet.get("publicName")).isEqualTo("Sarah Marshall");
        assertThat(((Map<?, ?>) wallet.get("asset")).get("id")).isEqualTo(usd);
    }

    @Test
    void shouldShowBalancesAfterADepositAndPageWalletAddresses() {
        String sarah = wallet("$example.wallet.com/sarah");
        wallet("$example.wallet.com/bob");
        data(admin.run(DEPOSIT, """
                {"input": {"walletAddressId": "%s", "amount": "1500", "id": "%s"}}"""
                .formatted(sarah, UUID.randomUUID())), "depositWalletAddressLiquidity");

        Map<String, Object> view = data(admin.run(WALLET, "{\"id\": \"" + sarah + "\"}"), "walletAddress");
        Map<String, Object> page = data(admin.run("{ walletAddresses(first: 1) { pageInfo { hasNextPage endCursor }"
                + " edges { node { id } } } }", "{}"), "walletAddresses");

        Map<String, Object> byUrl = data(admin.run("query($url: String!) { walletAddressByUrl(url: $url) { id } }",
                "{\"url\": \"https://EXAMPLE.wallet.com/sarah\"}"), "walletAddressByUrl");
        assertThat(byUrl).containsEntry("id", sarah);
        assertThat(view).containsEntry("liquidity", "1500").containsEntry("receivedTotal", "1500")
                .containsEntry("sentTotal", "0");
        assertThat(((Map<?, ?>) page.get("pageInfo")).get("hasNextPage")).isEqualTo(true);
        assertThat(((Map<?, ?>) page.get("pageInfo")).get("endCursor")).isEqualTo(sarah);
    }

    @Test
    void shouldRefuseDuplicatesBadUrlsUnknownAssetsAndUnknownWallets() {
        wallet("$example.wallet.com/sarah");

        assertThat(code(create("https://other.example/SARAH"))).isEqualTo("DUPLICATE");
        assertThat(code(create("ftp://example.wallet.com/x"))).isEqualTo("BAD_USER_INPUT");
        assertThat(code(admin.run(CREATE_WALLET, """
                {"input": {"assetId": "%s", "url": "$a.example/x"}}""".formatted(UUID.randomUUID()))))
                .isEqualTo("NOT_FOUND");
        assertThat(code(admin.run(WALLET, "{\"id\": \"" + UUID.randomUUID() + "\"}"))).isEqualTo("NOT_FOUND");
    }

    @Test
    void shouldRefusePaymentsWithoutANode() {
        String sarah = wallet("$example.wallet.com/sarah");

        assertThat(code(admin.run(PAY, """
                {"input": {"walletAddressId": "%s", "receiver": "$b.example/bob", "amount": "10"}}"""
                .formatted(sarah)))).isEqualTo("FORBIDDEN");
    }

    @Test
    void shouldReportWhatThePaymentDidAndCheckSlippage() {
        String sarah = wallet("$example.wallet.com/sarah");
        List<Optional<Ratio>> slippages = new ArrayList<>();
        AdminApi api = AdminApi.over(admin.services, Optional.empty(), Clock.systemUTC(),
                (from, receiver, amount, slippage) -> {
                    slippages.add(slippage);
                    return new PaymentResult(amount - 1, 900, 3, Ratio.ofUnsigned(9, 10),
                            PaymentResult.StopReason.FINAL_REJECT, "F99 from test.b", Optional.empty());
                });
        String input = """
                {"walletAddressId": "%s", "receiver": "$b.example/bob", "amount": "1001", "slippage": "%s"}""";

        Map<String, Object> paid = data(api.execute(PAY, null, Map.of("input", AdminFixture.parse(
                input.formatted(sarah, "0.02")))), "createPayment");
        Map<String, Object> bad = api.execute(PAY, null, Map.of("input", AdminFixture.parse(
                input.formatted(sarah, "1.5"))));

        assertThat(paid.get("message")).isEqualTo("Payment stopped: F99 from test.b");
        @SuppressWarnings("unchecked")
        Map<String, Object> payment = (Map<String, Object>) paid.get("payment");
        assertThat(payment).containsEntry("sentAmount", "1000")
                .containsEntry("deliveredAmount", "900").containsEntry("packetsFulfilled", "3")
                .containsEntry("exchangeRate", "0.9").containsEntry("completed", false)
                .containsEntry("stopReason", "FINAL_REJECT");
        assertThat(slippages).containsExactly(Optional.of(Ratio.of(new BigDecimal("0.02"))));
        assertThat(code(bad)).isEqualTo("BAD_USER_INPUT");
    }
}
