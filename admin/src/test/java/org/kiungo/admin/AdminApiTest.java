package org.kiungo.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.admin.AdminFixture.code;
import static org.kiungo.admin.AdminFixture.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.kiungo.ledger.postgres.TestDatabase;

/**
 * Queries, pagination, every error code, and idempotency keys, through the GraphQL layer, once with each storage
 * mode: the embedded ledger and H2 store, and PostgreSQL for both (a fresh schema per test).
 */
@ParameterizedClass
@EnumSource(AdminFixture.Storage.class)
final class AdminApiTest {
    static final String CREATE_ASSET = "mutation($input: CreateAssetInput!) { createAsset(input: $input) "
            + "{ code success message asset { id code scale liquidity createdAt } } }";
    static final String CREATE_PEER = "mutation($input: CreatePeerInput!) { createPeer(input: $input) "
            + "{ peer { id liquidity routes asset { id } } } }";
    static final String DEPOSIT = "mutation($input: DepositPeerLiquidityInput!) { depositPeerLiquidity(input: $input)"
            + " { code success message } }";

    @Parameter
    AdminFixture.Storage storage;
    @RegisterExtension
    final TestDatabase database = new TestDatabase();
    @TempDir
    Path directory;
    AdminFixture admin;
    GatedLedger gate;

    @BeforeEach
    void open() {
        admin = AdminFixture.open(storage, directory, database, ledger -> {
            gate = new GatedLedger(ledger);
            return gate;
        });
    }

    @AfterEach
    void close() {
        admin.close();
    }

    String asset(String code, int scale) {
        Map<String, Object> created = data(admin.run(CREATE_ASSET, """
                {"input": {"code": "%s", "scale": %d}}""".formatted(code, scale)), "createAsset");
        return (String) ((Map<?, ?>) created.get("asset")).get("id");
    }

    Map<String, Object> createPeer(String assetId, String address, String token, String endpoint) {
        return admin.run(CREATE_PEER, """
                {"input": {"assetId": "%s", "staticIlpAddress": "%s", "initialLiquidity": "500",
                 "http": {"incoming": {"authTokens": ["%s"]}, "outgoing": {"endpoint": "%s", "authToken": "out"}}}}
                """.formatted(assetId, address, token, endpoint));
    }

    String peer(String assetId, String address, String token) {
        return (String) ((Map<?, ?>) data(createPeer(assetId, address, token, "https://b.example/ilp"),
                "createPeer").get("peer")).get("id");
    }

    @Test
    void shouldQueryAssetsAndPeersByIdAddressAndPage() {
        String usd = asset("USD", 2);
        String eur = asset("EUR", 2);
        String a = peer(usd, "g.b", "t1");
        peer(eur, "g.b", "t2");
        assertThat(data(admin.run("{ asset(id: \"" + usd + "\") { code liquidity } }", "{}"), "asset"))
                .containsEntry("code", "USD").containsEntry("liquidity", "0");
        assertThat(data(admin.run("{ peer(id: \"" + a + "\") { liquidity staticIlpAddress } }", "{}"), "peer"))
                .containsEntry("liquidity", "500");
        assertThat(data(admin.run("{ peerByAddressAndAsset(staticIlpAddress: \"g.b\", assetId: \"" + eur
                + "\") { asset { code } } }", "{}"), "peerByAddressAndAsset"))
                .isEqualTo(Map.of("asset", Map.of("code", "EUR")));
        Map<String, Object> page = data(admin.run("{ assets(first: 1) { pageInfo { hasNextPage endCursor } "
                + "edges { cursor node { code } } } }", "{}"), "assets");
        assertThat(page.get("pageInfo")).isEqualTo(Map.of("hasNextPage", true, "endCursor", usd));
        Map<String, Object> next = data(admin.run("{ assets(after: \"" + usd + "\") { pageInfo { hasPreviousPage }"
                + " edges { node { code } } } }", "{}"), "assets");
        assertThat(next.get("edges")).isEqualTo(List.of(Map.of("node", Map.of("code", "EUR"))));
        assertThat(data(admin.run("{ peers(last: 1) { edges { node { asset { code } } } } }", "{}"), "peers")
                .get("edges")).isEqualTo(List.of(Map.of("node", Map.of("asset", Map.of("code", "EUR")))));
    }

    @Test
    void shouldAnswerBadUserInput() {
        String usd = asset("USD", 2);
        assertThat(code(createPeer(usd, "not-an-address", "t", "https://b.example"))).isEqualTo("BAD_USER_INPUT");
        assertThat(code(createPeer(usd, "g.b", "t", "ftp://b.example"))).isEqualTo("BAD_USER_INPUT");
        assertThat(code(admin.run(CREATE_ASSET, "{\"input\": {\"code\": \"X\", \"scale\": 256}}")))
                .isEqualTo("BAD_USER_INPUT");
        assertThat(code(admin.run("{ asset(id: \"nope\") { id } }", "{}"))).isEqualTo("BAD_USER_INPUT");
        String peer = peer(usd, "g.b", "t");
        assertThat(code(admin.run(DEPOSIT, """
                {"input": {"peerId": "%s", "amount": "0", "id": "%s"}}""".formatted(peer, UUID.randomUUID()))))
                .isEqualTo("BAD_USER_INPUT");
        assertThat(code(admin.run(DEPOSIT, """
                {"input": {"peerId": "%s", "amount": "-1", "id": "%s"}}""".formatted(peer, UUID.randomUUID()))))
                .isEqualTo("BAD_USER_INPUT");
        assertThat(code(admin.run("{ assets(first: 101) { edges { cursor } } }", "{}"))).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void shouldAnswerNotFound() {
        assertThat(code(admin.run("{ asset(id: \"" + UUID.randomUUID() + "\") { id } }", "{}")))
                .isEqualTo("NOT_FOUND");
        assertThat(code(admin.run("{ peer(id: \"nobody\") { id } }", "{}"))).isEqualTo("NOT_FOUND");
        assertThat(code(createPeer(UUID.randomUUID().toString(), "g.b", "t", "https://b.example")))
                .isEqualTo("NOT_FOUND");
        assertThat(code(admin.run("mutation { postLiquidityWithdrawal(input: {withdrawalId: \"" + UUID.randomUUID()
                + "\"}) { success } }", "{}"))).isEqualTo("NOT_FOUND");
    }

    @Test
    void shouldAnswerDuplicate() {
        String usd = asset("USD", 2);
        assertThat(code(admin.run(CREATE_ASSET, "{\"input\": {\"code\": \"USD\", \"scale\": 2}}")))
                .isEqualTo("DUPLICATE");
        String peer = peer(usd, "g.b", "t");
        assertThat(code(createPeer(usd, "g.b", "other", "https://b.example"))).isEqualTo("DUPLICATE");
        assertThat(code(createPeer(usd, "g.c", "t", "https://b.example"))).isEqualTo("DUPLICATE");
        String deposit = """
                {"input": {"peerId": "%s", "amount": "5", "id": "a09b730d-8610-4fda-98fa-ec7acb19c775"}}"""
                .formatted(peer);
        data(admin.run(DEPOSIT, deposit), "depositPeerLiquidity");
        assertThat(code(admin.run(DEPOSIT, deposit))).isEqualTo("DUPLICATE");
    }

    @Test
    void shouldAnswerConflictAndForbidden() {
        String usd = asset("USD", 2);
        String peer = peer(usd, "g.b", "t");
        String withdrawal = UUID.randomUUID().toString();
        String create = "mutation($input: CreatePeerLiquidityWithdrawalInput!) { createPeerLiquidityWithdrawal("
                + "input: $input) { success } }";
        assertThat(code(admin.run(create, """
                {"input": {"peerId": "%s", "amount": "501", "id": "%s"}}""".formatted(peer, withdrawal))))
                .isEqualTo("FORBIDDEN");
        data(admin.run(create, """
                {"input": {"peerId": "%s", "amount": "500", "id": "%s"}}""".formatted(peer, withdrawal)),
                "createPeerLiquidityWithdrawal");
        String post = "mutation($id: String!) { postLiquidityWithdrawal(withdrawalId: $id) { success } }";
        data(admin.run(post, "{\"id\": \"" + withdrawal + "\"}"), "postLiquidityWithdrawal");
        assertThat(code(admin.run(post, "{\"id\": \"" + withdrawal + "\"}"))).isEqualTo("CONFLICT");
        assertThat(code(admin.run("mutation { voidLiquidityWithdrawal(input: {withdrawalId: \"" + withdrawal
                + "\"}) { success } }", "{}"))).isEqualTo("CONFLICT");
    }

    @Test
    void shouldReplayAnIdempotentMutationAndRefuseOtherArguments() {
        String first = admin.run(CREATE_ASSET, "{\"input\": {\"code\": \"USD\", \"scale\": 2, \"idempotencyKey\":"
                + " \"k1\"}}").toString();
        String replay = admin.run(CREATE_ASSET, "{\"input\": {\"code\": \"USD\", \"scale\": 2, \"idempotencyKey\":"
                + " \"k1\"}}").toString();
        assertThat(replay).isEqualTo(first).contains("Created Asset");
        assertThat(code(admin.run(CREATE_ASSET, "{\"input\": {\"code\": \"EUR\", \"scale\": 2, "
                + "\"idempotencyKey\": \"k1\"}}"))).isEqualTo("CONFLICT");
        assertThat(admin.services.assets().page(null, null, null, null).items()).hasSize(1);
    }

    @Test
    void shouldRefuseAnIdempotencyKeyInFlightThenReplayItsFirstResultAndRefuseOtherArguments() throws Exception {
        String peer = peer(asset("USD", 2), "g.b", "t");
        String deposit = """
                {"input": {"peerId": "%s", "amount": "5", "id": "%s", "idempotencyKey": "k2"}}"""
                .formatted(peer, UUID.randomUUID());
        gate.hold();
        Map<String, Object> first;
        try (ExecutorService client = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Map<String, Object>> held = client.submit(() -> admin.run(DEPOSIT, deposit));
            gate.awaitHeld();

            Map<String, Object> whileInFlight = admin.run(DEPOSIT, deposit);

            assertThat(code(whileInFlight)).isEqualTo("CONFLICT");
            assertThat(AdminFixture.firstError(whileInFlight).get("message").toString()).contains("in progress");
            gate.release();
            first = held.get();
        }
        assertThat(data(first, "depositPeerLiquidity")).containsEntry("success", true);
        assertThat(admin.run(DEPOSIT, deposit)).isEqualTo(first);
        assertThat(code(admin.run(DEPOSIT, """
                {"input": {"peerId": "%s", "amount": "6", "id": "%s", "idempotencyKey": "k2"}}"""
                .formatted(peer, UUID.randomUUID())))).isEqualTo("CONFLICT");
        assertThat(data(admin.run("{ peer(id: \"" + peer + "\") { liquidity } }", "{}"), "peer"))
                .containsEntry("liquidity", "505");
    }

    @Test
    void shouldNameUnknownFieldsAndServeTheDeepestUsefulQuery() {
        assertThat(code(admin.run("{ assets { edges { nodes { id } } } }", "{}")))
                .isEqualTo("GRAPHQL_VALIDATION_FAILED");
        String deep = "{ peers { edges { node { asset { id } } } } }";
        assertThat(admin.run(deep, "{}")).doesNotContainKey("errors");
    }
}
