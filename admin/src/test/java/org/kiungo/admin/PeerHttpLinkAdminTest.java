package org.kiungo.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.admin.AdminFixture.code;
import static org.kiungo.admin.AdminFixture.data;

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
import org.kiungo.connector.HttpLink;
import org.kiungo.ledger.postgres.TestDatabase;

/**
 * A peer's ILP-over-HTTP mode and HTTP/2 choice (Kiungo's extensions of {@code http.outgoing}) through the GraphQL
 * layer, once per storage mode: created, changed, shown, handed to the connector, and refused when bad.
 */
@ParameterizedClass
@EnumSource(AdminFixture.Storage.class)
final class PeerHttpLinkAdminTest {
    static final String CREATE_PEER = "mutation($input: CreatePeerInput!) { createPeer(input: $input) "
            + "{ peer { id http { outgoing { endpoint authToken mode http2 } } } } }";
    static final String UPDATE_PEER = "mutation($input: UpdatePeerInput!) { updatePeer(input: $input) "
            + "{ peer { id http { outgoing { endpoint authToken mode http2 } } } } }";
    static final String PEER = "query($id: String!) { peer(id: $id) { http { outgoing { mode http2 } } } }";

    @Parameter
    AdminFixture.Storage storage;
    @RegisterExtension
    final TestDatabase database = new TestDatabase();
    @TempDir
    Path directory;
    AdminFixture admin;
    String usd;

    @BeforeEach
    void open() {
        admin = AdminFixture.open(storage, directory, database, ledger -> ledger);
        Map<String, Object> created = data(admin.run("mutation { createAsset(input: {code: \"USD\", scale: 2}) "
                + "{ asset { id } } }", "{}"), "createAsset");
        usd = (String) ((Map<?, ?>) created.get("asset")).get("id");
    }

    @AfterEach
    void close() {
        admin.close();
    }

    private Map<String, Object> create(String address, String outgoingExtras) {
        return admin.run(CREATE_PEER, """
                {"input": {"assetId": "%s", "staticIlpAddress": "%s", "http": {"incoming": {"authTokens": ["in-%s"]},
                 "outgoing": {"endpoint": "http://b.example/ilp", "authToken": "out"%s}}}}
                """.formatted(usd, address, address, outgoingExtras));
    }

    private Map<String, Object> update(String id, String outgoingExtras) {
        return admin.run(UPDATE_PEER, """
                {"input": {"id": "%s", "http": {"outgoing": {"endpoint": "http://b.example/ilp", "authToken": "out"%s
                 }}}}""".formatted(id, outgoingExtras));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outgoing(Map<String, Object> peer) {
        return (Map<String, Object>) ((Map<String, Object>) peer.get("http")).get("outgoing");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> peerOf(Map<String, Object> mutationResponse) {
        return (Map<String, Object>) mutationResponse.get("peer");
    }

    private Map<String, Object> queried(String id) {
        return outgoing(data(admin.run(PEER, "{\"id\": \"" + id + "\"}"), "peer"));
    }

    private HttpLink link(String id) {
        return admin.peers.peer(id).orElseThrow().link().orElseThrow();
    }

    private static String id(Map<String, Object> response, String mutation) {
        return (String) ((Map<?, ?>) data(response, mutation).get("peer")).get("id");
    }

    @Test
    void shouldCreateASynchronousHttp1PeerWhenTheExtensionsAreLeftOut() {
        String id = id(create("g.plain", ""), "createPeer");

        assertThat(queried(id)).containsEntry("mode", "SYNCHRONOUS").containsEntry("http2", false);
        assertThat(link(id)).isEqualTo(HttpLink.of(link(id).endpoint(), "out"));
    }

    @Test
    void shouldCreateAnAsynchronousHttp2PeerAndHandItsLinkToTheConnector() {
        Map<String, Object> peer = peerOf(data(create("g.async", ", \"mode\": \"ASYNCHRONOUS\", \"http2\": true"),
                "createPeer"));

        assertThat(outgoing(peer)).containsEntry("endpoint", "http://b.example/ilp").containsEntry("authToken", "out")
                .containsEntry("mode", "ASYNCHRONOUS").containsEntry("http2", true);
        String id = (String) peer.get("id");
        assertThat(queried(id)).containsEntry("mode", "ASYNCHRONOUS").containsEntry("http2", true);
        assertThat(link(id).mode()).isEqualTo(HttpLink.Mode.ASYNCHRONOUS);
        assertThat(link(id).h2c()).isTrue();
        assertThat(admin.store.peer(id).orElseThrow().httpMode()).isEqualTo(HttpLink.Mode.ASYNCHRONOUS);
    }

    @Test
    void shouldChangeTheModeAndHttp2OnUpdateAndKeepWhatIsLeftOut() {
        String id = id(create("g.b", ", \"mode\": \"ASYNCHRONOUS\", \"http2\": true"), "createPeer");

        Map<String, Object> updated = peerOf(data(update(id, ", \"mode\": \"SYNCHRONOUS\""), "updatePeer"));
        assertThat(outgoing(updated)).containsEntry("mode", "SYNCHRONOUS").containsEntry("http2", true);
        assertThat(link(id)).isEqualTo(new HttpLink(link(id).endpoint(), "out", true, HttpLink.Mode.SYNCHRONOUS));

        data(update(id, ", \"http2\": false"), "updatePeer");
        assertThat(queried(id)).containsEntry("mode", "SYNCHRONOUS").containsEntry("http2", false);
        data(admin.run("mutation($input: UpdatePeerInput!) { updatePeer(input: $input) { success } }",
                "{\"input\": {\"id\": \"" + id + "\", \"maxPacketAmount\": \"10\"}}"), "updatePeer");
        data(update(id, ", \"mode\": \"ASYNCHRONOUS\""), "updatePeer");
        assertThat(queried(id)).containsEntry("mode", "ASYNCHRONOUS").containsEntry("http2", false);
        assertThat(admin.store.peer(id).orElseThrow().httpMode()).isEqualTo(HttpLink.Mode.ASYNCHRONOUS);
        assertThat(link(id)).isEqualTo(HttpLink.of(link(id).endpoint(), "out").withMode(HttpLink.Mode.ASYNCHRONOUS));
    }

    @Test
    void shouldRefuseABadModeOrHttp2AndChangeNothing() {
        String id = id(create("g.b", ", \"mode\": \"ASYNCHRONOUS\""), "createPeer");
        HttpLink before = link(id);

        assertThat(code(update(id, ", \"mode\": \"SOMETIMES\""))).isEqualTo("BAD_USER_INPUT");
        assertThat(code(update(id, ", \"mode\": \"asynchronous\", \"http2\": true"))).isEqualTo("BAD_USER_INPUT");
        assertThat(code(update(id, ", \"mode\": \"SYNCHRONOUS\", \"http2\": \"yes\""))).isEqualTo("BAD_USER_INPUT");
        assertThat(code(admin.run("mutation { updatePeer(input: {id: \"" + id + "\", http: {outgoing: "
                + "{endpoint: \"http://b.example/ilp\", authToken: \"out\", mode: SOMETIMES}}}) { success } }", "{}")))
                .isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(code(create("g.c", ", \"mode\": \"SOMETIMES\""))).isEqualTo("BAD_USER_INPUT");

        assertThat(queried(id)).containsEntry("mode", "ASYNCHRONOUS").containsEntry("http2", false);
        assertThat(link(id)).isEqualTo(before);
        assertThat(admin.store.peer(id).orElseThrow().httpMode()).isEqualTo(HttpLink.Mode.ASYNCHRONOUS);
        assertThat(admin.store.peers()).hasSize(1);
    }
}
