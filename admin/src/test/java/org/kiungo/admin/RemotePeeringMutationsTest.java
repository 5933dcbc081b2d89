package org.kiungo.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.peering.NodeIdentity;
import org.kiungo.peering.NodeKey;
import org.kiungo.peering.RemotePeering;

/**
 * The two mutations that reach other nodes refuse bad input before any request leaves, and an API built without
 * remote peering says so. The exchanges themselves are tested between real nodes in the node module.
 */
class RemotePeeringMutationsTest {
    private static final String BY_URL = "mutation($input: CreateOrUpdatePeerByUrlInput!) "
            + "{ createOrUpdatePeerByUrl(input: $input) { success } }";
    private static final String BY_WEBFINGER = "mutation($input: PeerByWebFingerInput!) "
            + "{ peerByWebFinger(input: $input) { success } }";

    @TempDir
    Path directory;
    private AdminFixture fixture;
    private RemotePeering remote;
    private AdminApi api;
    private String usd;

    @BeforeEach
    void open() {
        fixture = new AdminFixture(directory);
        remote = RemotePeering.open(fixture.services, new NodeIdentity(IlpAddress.of("test.us"),
                URI.create("http://127.0.0.1:3002"), "Us"), NodeKey.loadOrCreate(fixture.store, Clock.systemUTC()));
        api = AdminApi.over(fixture.services, Optional.of(remote), Clock.systemUTC(), WalletPayments.NONE);
        usd = assetId(AdminFixture.data(fixture.run("mutation { createAsset(input: {code: \"USD\", scale: 2}) "
                + "{ asset { id } } }", ""), "createAsset"));
    }

    @SuppressWarnings("unchecked")
    private static String assetId(Map<String, Object> created) {
        return (String) ((Map<String, Object>) created.get("asset")).get("id");
    }

    @AfterEach
    void close() {
        remote.close();
        fixture.close();
    }

    private Map<String, Object> run(AdminApi on, String query, Map<String, Object> input) {
        return on.execute(query, null, Map.of("input", input));
    }

    @Test
    void shouldRefuseABadPeerUrlOrAssetBeforeSendingAnything() {
        Map<String, Object> badUrl = run(api, BY_URL, Map.of("peerUrl", "ftp://peer.example", "assetId", usd));
        Map<String, Object> unknownAsset = run(api, BY_URL, Map.of("peerUrl", "http://127.0.0.1:1",
                "assetId", "3f9a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b"));

        assertThat(AdminFixture.code(badUrl)).isEqualTo("BAD_USER_INPUT");
        assertThat(AdminFixture.firstError(badUrl).get("message")).asString()
                .startsWith("peerUrl must be an http or https URL");
        assertThat(AdminFixture.code(unknownAsset)).isEqualTo("NOT_FOUND");
        assertThat(fixture.store.peers()).isEmpty();
    }

    @Test
    void shouldRefuseABadHostname() {
        for (String hostname : new String[] {"two words", "ftp://peer.example", "http://peer.example/path",
                "http://user@peer.example"}) {
            Map<String, Object> answer = run(api, BY_WEBFINGER, Map.of("hostname", hostname, "assetId", usd));
            assertThat(AdminFixture.code(answer)).as(hostname).isEqualTo("BAD_USER_INPUT");
            assertThat(AdminFixture.firstError(answer).get("message")).asString().startsWith("hostname must be");
        }
        assertThat(fixture.store.peers()).isEmpty();
    }

    @Test
    void shouldSayWhenTheApiHasNoRemotePeering() {
        Map<String, Object> answer = run(fixture.api, BY_URL, Map.of("peerUrl", "http://127.0.0.1:1",
                "assetId", usd));

        assertThat(AdminFixture.code(answer)).isEqualTo("FORBIDDEN");
        assertThat(AdminFixture.firstError(answer).get("message")).asString().contains("without remote peering");
    }
}
