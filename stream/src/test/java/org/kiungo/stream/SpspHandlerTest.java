package org.kiungo.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.stream.StreamCredentialsTest.filled;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.stream.SpspResponse;

/** The SPSP endpoint over real HTTP on an ephemeral port. */
class SpspHandlerTest {
    static final String SPSP = "application/spsp4+json";
    static final String NONCE = Base64.getEncoder().encodeToString(filled(16, 1));
    static final String SECRET = Base64.getEncoder().encodeToString(filled(32, 2));

    static final StreamCredentials CREDENTIALS = new StreamCredentials(filled(32, 6));
    static final Wallet ALICE = new Wallet("alice", "USD", 2, IlpAddress.of("test.kiungo.alice"));
    static final Wallet SHOP = new Wallet("shop", "EUR", 2, IlpAddress.of("test.kiungo.shop"));
    static Server server;
    static URI base;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new SpspHandler(new MemoryWalletAddresses().put("/alice", ALICE)
                .put(PaymentPointer.WELL_KNOWN_PATH, SHOP), CREDENTIALS));
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void shouldAnswerFreshCredentialsForAKnownWallet() throws Exception {
        HttpResponse<String> response = get("/alice", SPSP);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(SPSP);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        SpspResponse spsp = SpspResponse.parse(response.body());
        assertThat(spsp.receiptsEnabled()).isFalse();
        assertThat(spsp.destinationAccount().startsWith(ALICE.addressBase())).isTrue();
        StreamConnection connection = CREDENTIALS.recover(spsp.destinationAccount()).orElseThrow();
        assertThat(connection.sharedSecret()).isEqualTo(spsp.sharedSecret());
        assertThat(connection.walletId()).isEqualTo("alice");
        assertThat(response.body()).contains("\"receipts_enabled\":false");
    }

    @Test
    void shouldServeTheWellKnownPathForAPointerWithoutAPath() throws Exception {
        HttpResponse<String> response = get(PaymentPointer.parse("$shop.example").path(), SPSP);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CREDENTIALS.recover(SpspResponse.parse(response.body()).destinationAccount()).orElseThrow()
                .walletId()).isEqualTo("shop");
    }

    @Test
    void shouldAcceptTheMediaTypeAmongOthers() throws Exception {
        assertThat(get("/alice", "application/json;q=0.5, application/spsp4+json, application/spsp+json")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void shouldTurnOnReceiptsWithANonceAndASecret() throws Exception {
        HttpResponse<String> response = get("/alice", SPSP, "Receipt-Nonce", NONCE, "Receipt-Secret", SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        SpspResponse spsp = SpspResponse.parse(response.body());
        assertThat(spsp.receiptsEnabled()).isTrue();
        ReceiptSetup receipts = CREDENTIALS.recover(spsp.destinationAccount()).orElseThrow().receipts().orElseThrow();
        assertThat(receipts).isEqualTo(new ReceiptSetup(filled(16, 1), filled(32, 2)));
    }

    @Test
    void shouldRefuseAReceiptNonceWithoutASecret() throws Exception {
        HttpResponse<String> response = get("/alice", SPSP, "Receipt-Nonce", NONCE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("must be sent together");
    }

    @Test
    void shouldRefuseReceiptHeadersOfTheWrongLengthOrNotBase64WithoutEchoingThem() throws Exception {
        String shortSecret = Base64.getEncoder().encodeToString(filled(31, 2));

        HttpResponse<String> wrongLength = get("/alice", SPSP, "Receipt-Nonce", NONCE, "Receipt-Secret", shortSecret);
        HttpResponse<String> notBase64 = get("/alice", SPSP, "Receipt-Nonce", "!!!!", "Receipt-Secret", SECRET);
        HttpResponse<String> nonceTooLong = get("/alice", SPSP, "Receipt-Nonce", SECRET, "Receipt-Secret", SECRET);

        assertThat(wrongLength.statusCode()).isEqualTo(400);
        assertThat(wrongLength.body()).doesNotContain(shortSecret);
        assertThat(notBase64.statusCode()).isEqualTo(400);
        assertThat(nonceTooLong.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldRefuseAQueryString() throws Exception {
        assertThat(get("/alice?amount=5", SPSP).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswer404ForAnUnknownWallet() throws Exception {
        HttpResponse<String> response = get("/mallory", SPSP);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("InvalidReceiverError");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void shouldAnswer406WithoutTheSpspMediaType() throws Exception {
        assertThat(get("/alice", "application/json").statusCode()).isEqualTo(406);
        assertThat(get("/alice", "*/*").statusCode()).isEqualTo(406);
        assertThat(get("/alice", "application/spsp4+json;q=0").statusCode()).isEqualTo(406);
        assertThat(send(HttpRequest.newBuilder(base.resolve("/alice")).GET()).statusCode()).isEqualTo(406);
    }

    @Test
    void shouldAnswerACorsPreflight() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/alice"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .contains("Receipt-Nonce", "Receipt-Secret");
    }

    @Test
    void shouldRefuseOtherMethods() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/alice"))
                .header("Accept", SPSP).POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(405);
    }

    private static HttpResponse<String> get(String path, String accept, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
