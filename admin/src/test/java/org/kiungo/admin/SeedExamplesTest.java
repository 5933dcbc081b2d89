package org.kiungo.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.admin.AdminFixture.code;
import static org.kiungo.admin.AdminFixture.data;
import static org.kiungo.admin.AdminFixture.firstError;

import java.nio.file.Path;
import java.util.Map;
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
 * Every query and variable set of the peering guides (seeds 000 and 002), pasted verbatim, answered with the
 * fields the guides show. Where the guide itself is malformed, the error says exactly what is wrong. Once with
 * each storage mode.
 */
@ParameterizedClass
@EnumSource(AdminFixture.Storage.class)
final class SeedExamplesTest {
    static final String CREATE_ASSET = """
            mutation CreateAsset ($input: CreateAssetInput!) {
              createAsset(input: $input) {
                code
                success
                message
                asset {
                  id
                  code
                  scale
                }
              }
            }
            """;
    static final String CREATE_ASSET_VARIABLES = """
            {
              "input": {
                "code": "USD",
                "scale": 2
              }
            }
            """;
    static final String CREATE_PEER = """
            mutation CreatePeer ($input: CreatePeerInput!) {
              createPeer (input: $input) {
                code
                success
                message
                peer {
                  id
                  asset {
                    code
                    scale
                  }
                  staticIlpAddress
                  name
                }
              }
            }
            """;
    /** Seed 000's variables verbatim: note the missing comma after the name. */
    static final String CREATE_PEER_VARIABLES = """
            {
              "input": {
                "staticIlpAddress": "g.othergreatwallet",
                "name": "The Other Great Wallet"
                "http": {
                  "incoming": {"authTokens": ["mytoken"]},
                  "outgoing": {"endpoint": "ilp.othergreatwallet.com", "authToken": "theirtoken"}
                },
                "assetId": "INSERT_ASSET_ID"
              }
            }
            """;
    static final String ADD_PEER_LIQUIDITY = """
            mutation AddPeerLiquidity ($input: AddPeerLiquidityInput!) {
              addPeerLiquidity(input: $input) {
                code
                success
                message
                error
              }
            }
            """;
    static final String ADD_PEER_LIQUIDITY_VARIABLES = """
            {
              "input": {
                "peerId": "INSERT_PEER_ID",
                "amount": "10000",
                "id": "a09b730d-8610-4fda-98fa-ec7acb19c775"
              }
            }
            """;
    static final String CREATE_WITHDRAWAL = """
            mutation CreatePeerLiquidityWithdrawal ($input: CreatePeerLiquidityWithdrawalInput!) {
              createPeerLiquidityWithdrawal(input: $input) {
                code
                success
                message
                error
              }
            }
            """;
    static final String CREATE_WITHDRAWAL_VARIABLES = """
            {
              "input": {
                "peerId": "INSERT_PEER_ID",
                "amount": "5000",
                "id": "25e4ae5b-e844-49f6-89fa-34f33bc03278"
              }
            }
            """;
    static final String POST_WITHDRAWAL = """
            mutation PostLiquidityWithdrawal ($withdrawalId: String!) {
              postLiquidityWithdrawal($withdrawalId: String!) {
                code
                success
                message
                error
              }
            }
            """;
    static final String VOID_WITHDRAWAL = """
            mutation VoidLiquidityWithdrawal ($withdrawalId: String!) {
              voidLiquidityWithdrawal($withdrawalId: String!) {
                code
                success
                message
                error
              }
            }
            """;
    static final String WITHDRAWAL_VARIABLES = """
            {
              "withdrawalId": "INSERT_WITHDRAWAL_ID"
            }
            """;
    static final String UPDATE_PEER_002 = """
            mutation UpdatePeer($input: UpdatePeerInput!) {
            updatePeer(input: $input) {
            peer {
            id
            name
            http {
            outgoing {
            authToken
            endpoint
            }
            }
            maxPacketAmount
            liquidityThreshold
            }
            }
            }
            """;
    static final String DELETE_PEER_002 = """
            mutation DeletePeer($input: DeletePeerInput!) {
            deletePeer(input: $input) {
            success
            }
            }
            """;

    @Parameter
    AdminFixture.Storage storage;
    @RegisterExtension
    final TestDatabase database = new TestDatabase();
    @TempDir
    Path directory;
    AdminFixture admin;

    @BeforeEach
    void open() {
        admin = AdminFixture.open(storage, directory, database, ledger -> ledger);
    }

    @AfterEach
    void close() {
        admin.close();
    }

    String createAsset() {
        Map<String, Object> created = data(admin.run(CREATE_ASSET, CREATE_ASSET_VARIABLES), "createAsset");
        return (String) ((Map<?, ?>) created.get("asset")).get("id");
    }

    /** Seed 000's create-peer variables with the missing comma put back and the asset id substituted. */
    String createPeer(String assetId) {
        String variables = CREATE_PEER_VARIABLES.replace("\"The Other Great Wallet\"\n",
                "\"The Other Great Wallet\",\n").replace("INSERT_ASSET_ID", assetId);
        Map<String, Object> created = data(admin.run(CREATE_PEER, variables), "createPeer");
        return (String) ((Map<?, ?>) created.get("peer")).get("id");
    }

    @Test
    void shouldCreateTheAssetOfTheGuide() {
        Map<String, Object> created = data(admin.run(CREATE_ASSET, CREATE_ASSET_VARIABLES), "createAsset");
        assertThat(created).containsEntry("code", "200").containsEntry("success", true)
                .containsEntry("message", "Created Asset");
        assertThat((Map<String, Object>) created.get("asset")).containsEntry("code", "USD")
                .containsEntry("scale", 2).containsKey("id");
    }

    @Test
    void shouldSayExactlyWhereTheGuidesCreatePeerVariablesAreBroken() {
        String variables = CREATE_PEER_VARIABLES.replace("INSERT_ASSET_ID", createAsset());
        Map<String, Object> response = admin.run(CREATE_PEER, variables);
        assertThat(firstError(response).get("message")).asString()
                .contains("query variables are not valid JSON")
                .contains("was expecting comma to separate Object entries")
                .contains("line 5, column 5");
    }

    @Test
    void shouldCreateThePeerOfTheGuideOnceItsCommaIsBack() {
        String assetId = createAsset();
        String variables = CREATE_PEER_VARIABLES.replace("\"The Other Great Wallet\"\n",
                "\"The Other Great Wallet\",\n").replace("INSERT_ASSET_ID", assetId);
        Map<String, Object> created = data(admin.run(CREATE_PEER, variables), "createPeer");
        assertThat(created).containsEntry("code", "200").containsEntry("success", true)
                .containsEntry("message", "Created ILP Peer");
        Map<?, ?> peer = (Map<?, ?>) created.get("peer");
        assertThat(peer.get("asset")).isEqualTo(Map.of("code", "USD", "scale", 2));
        assertThat(peer.get("staticIlpAddress")).isEqualTo("g.othergreatwallet");
        assertThat(peer.get("name")).isEqualTo("The Other Great Wallet");
        assertThat(admin.tokens.peerId("mytoken")).contains((String) peer.get("id"));
    }

    @Test
    void shouldAddPeerLiquidityAsTheGuideShows() {
        String peerId = createPeer(createAsset());
        Map<String, Object> added = data(admin.run(ADD_PEER_LIQUIDITY,
                ADD_PEER_LIQUIDITY_VARIABLES.replace("INSERT_PEER_ID", peerId)), "addPeerLiquidity");
        assertThat(added).containsEntry("code", "200").containsEntry("success", true)
                .containsEntry("message", "Added peer liquidity").containsEntry("error", null);
        Map<String, Object> peer = data(admin.run("{ peer(id: \"" + peerId + "\") { liquidity } }", "{}"), "peer");
        assertThat(peer).containsEntry("liquidity", "10000");
    }

    @Test
    void shouldCreateAWithdrawalAndExplainTheGuidesMalformedPostAndVoid() {
        String peerId = createPeer(createAsset());
        admin.run(ADD_PEER_LIQUIDITY, ADD_PEER_LIQUIDITY_VARIABLES.replace("INSERT_PEER_ID", peerId));
        Map<String, Object> created = data(admin.run(CREATE_WITHDRAWAL,
                CREATE_WITHDRAWAL_VARIABLES.replace("INSERT_PEER_ID", peerId)), "createPeerLiquidityWithdrawal");
        assertThat(created).containsEntry("code", "200").containsEntry("success", true)
                .containsEntry("message", "Created peer liquidity withdrawal").containsEntry("error", null);
        String variables = WITHDRAWAL_VARIABLES.replace("INSERT_WITHDRAWAL_ID",
                "25e4ae5b-e844-49f6-89fa-34f33bc03278");
        for (String query : new String[] {POST_WITHDRAWAL, VOID_WITHDRAWAL}) {
            Map<String, Object> response = admin.run(query, variables);
            assertThat(code(response)).isEqualTo("GRAPHQL_PARSE_FAILED");
            assertThat(firstError(response).get("message")).asString()
                    .contains("offending token '$' at line 2 column 27")
                    .contains("declares a variable where an argument belongs")
                    .contains("(withdrawalId: $withdrawalId)");
        }
    }

    @Test
    void shouldPostTheWithdrawalWithTheGuidesQueryCorrected() {
        String peerId = createPeer(createAsset());
        admin.run(ADD_PEER_LIQUIDITY, ADD_PEER_LIQUIDITY_VARIABLES.replace("INSERT_PEER_ID", peerId));
        admin.run(CREATE_WITHDRAWAL, CREATE_WITHDRAWAL_VARIABLES.replace("INSERT_PEER_ID", peerId));
        String variables = WITHDRAWAL_VARIABLES.replace("INSERT_WITHDRAWAL_ID",
                "25e4ae5b-e844-49f6-89fa-34f33bc03278");
        String corrected = POST_WITHDRAWAL.replace("postLiquidityWithdrawal($withdrawalId: String!)",
                "postLiquidityWithdrawal(withdrawalId: $withdrawalId)");
        Map<String, Object> posted = data(admin.run(corrected, variables), "postLiquidityWithdrawal");
        assertThat(posted).containsEntry("code", "200").containsEntry("success", true)
                .containsEntry("message", "Posted Withdrawal").containsEntry("error", null);
        Map<String, Object> peer = data(admin.run("{ peer(id: \"" + peerId + "\") { liquidity } }", "{}"), "peer");
        assertThat(peer).containsEntry("liquidity", "5000");
    }

    @Test
    void shouldVoidTheWithdrawalWithTheGuidesQueryCorrected() {
        String peerId = createPeer(createAsset());
        admin.run(ADD_PEER_LIQUIDITY, ADD_PEER_LIQUIDITY_VARIABLES.replace("INSERT_PEER_ID", peerId));
        admin.run(CREATE_WITHDRAWAL, CREATE_WITHDRAWAL_VARIABLES.replace("INSERT_PEER_ID", peerId));
        String variables = WITHDRAWAL_VARIABLES.replace("INSERT_WITHDRAWAL_ID",
                "25e4ae5b-e844-49f6-89fa-34f33bc03278");
        String corrected = VOID_WITHDRAWAL.replace("voidLiquidityWithdrawal($withdrawalId: String!)",
                "voidLiquidityWithdrawal(withdrawalId: $withdrawalId)");
        Map<String, Object> voided = data(admin.run(corrected, variables), "voidLiquidityWithdrawal");
        assertThat(voided).containsEntry("code", "200").containsEntry("success", true)
                .containsEntry("message", "Voided Withdrawal").containsEntry("error", null);
        Map<String, Object> peer = data(admin.run("{ peer(id: \"" + peerId + "\") { liquidity } }", "{}"), "peer");
        assertThat(peer).containsEntry("liquidity", "10000");
    }

    @Test
    void shouldUpdateThePeerWithTheCurrentGuidesQuery() {
        String peerId = createPeer(createAsset());
        Map<String, Object> updated = data(admin.run(UPDATE_PEER_002, """
                {"input": {"id": "%s", "maxPacketAmount": 1000, "liquidityThreshold": "100"}}
                """.formatted(peerId)), "updatePeer");
        Map<?, ?> peer = (Map<?, ?>) updated.get("peer");
        assertThat(peer.get("id")).isEqualTo(peerId);
        assertThat(peer.get("name")).isEqualTo("The Other Great Wallet");
        assertThat(peer.get("http")).isEqualTo(Map.of("outgoing", Map.of("authToken", "theirtoken",
                "endpoint", "http://ilp.othergreatwallet.com")));
        assertThat(peer.get("maxPacketAmount")).isEqualTo("1000");
        assertThat(peer.get("liquidityThreshold")).isEqualTo("100");
    }

    @Test
    void shouldDeleteThePeerWithTheCurrentGuidesQuery() {
        String peerId = createPeer(createAsset());
        Map<String, Object> deleted = data(admin.run(DELETE_PEER_002, """
                {"input": {"id": "%s"}}
                """.formatted(peerId)), "deletePeer");
        assertThat(deleted).containsEntry("success", true);
        assertThat(admin.peers.peer(peerId)).isEmpty();
    }
}
