package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.US;
import static org.kiungo.connector.Fixtures.reject;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;

/** Real HTTP against a local Jetty server; the packets live a few seconds of real time. */
class IlpOverHttpClientTest {
    private static final String TOKEN = "token-for-the-peer";

    private final IlpOverHttpClient client = IlpOverHttpClient.start(US, Clock.systemUTC());
    private final AtomicReference<String> seen = new AtomicReference<>();
    private volatile Handler behaviour;
    private Server server;
    private URI endpoint;

    @BeforeEach
    void startServer() throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http),
                new HTTP2CServerConnectionFactory(http));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                seen.set(request.getConnectionMetaData().getHttpVersion() + " "
                        + request.getHeaders().get(HttpHeader.AUTHORIZATION) + " "
                        + request.getHeaders().get(HttpHeader.CONTENT_TYPE));
                return behaviour.handle(request, response, callback);
            }
        });
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/ilp");
        behaviour = reply(200, IlpCodec.encode(Fixtures.fulfill()));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.stop();
    }

    private static Handler reply(int status, byte[] body) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(status);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        };
    }

    private static Prepare prepare(Duration lifetime) {
        return Fixtures.prepare(5, "test.b.bob", Instant.now().plus(lifetime));
    }

    private Reply send(Duration lifetime) {
        return client.send("b", HttpLink.of(endpoint, TOKEN), prepare(lifetime));
    }

    @Test
    void shouldPostThePrepareWithTheBearerTokenAndReturnTheReply() {
        assertThat(send(Duration.ofSeconds(5))).isEqualTo(Fixtures.fulfill());

        assertThat(seen.get()).isEqualTo("HTTP/1.1 Bearer " + TOKEN + " application/octet-stream");
    }

    @Test
    void shouldKeepTheConnectionForTheNextPacket() {
        AtomicReference<Object> connection = new AtomicReference<>();
        List<Boolean> reused = new java.util.ArrayList<>();
        Handler fulfil = behaviour;
        behaviour = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                reused.add(connection.getAndSet(request.getConnectionMetaData().getId()) != null
                        && connection.get().equals(request.getConnectionMetaData().getId()));
                return fulfil.handle(request, response, callback);
            }
        };

        send(Duration.ofSeconds(5));
        send(Duration.ofSeconds(5));

        assertThat(reused).containsExactly(false, true);
    }

    @Test
    void shouldSpeakHttp2OverCleartextWhenTheLinkSaysSo() {
        Reply reply = client.send("b", new HttpLink(endpoint, TOKEN, true), prepare(Duration.ofSeconds(5)));

        assertThat(reply).isInstanceOf(Fulfill.class);
        assertThat(seen.get()).startsWith("HTTP/2.0 Bearer ");
    }

    @Test
    void shouldAnswerT01ForAnHttpErrorStatus() {
        behaviour = reply(401, new byte[0]);

        Reply reply = send(Duration.ofSeconds(5));

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.T01_PEER_UNREACHABLE);
        assertThat(reject(reply).triggeredBy()).isEqualTo(US.value());
        assertThat(reject(reply).message()).contains("HTTP 401").doesNotContain(TOKEN);
    }

    @Test
    void shouldAnswerT01ForAReplyThatIsNotAnIlpPacket() {
        behaviour = reply(200, new byte[] {1, 2, 3});

        assertThat(reject(send(Duration.ofSeconds(5))).code()).isEqualTo(ErrorCode.T01_PEER_UNREACHABLE);
    }

    @Test
    void shouldAnswerT01ForAReplyLongerThanTheMaximum() {
        behaviour = reply(200, new byte[IlpOverHttpClient.RESPONSE_BODY_LENGTH_MAX + 1]);

        assertThat(reject(send(Duration.ofSeconds(5))).code()).isEqualTo(ErrorCode.T01_PEER_UNREACHABLE);
    }

    @Test
    void shouldAnswerT01PromptlyWhenNobodyListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpLink nowhere = HttpLink.of(URI.create("http://127.0.0.1:" + closedPort + "/ilp"), TOKEN);

        Reply reply = client.send("b", nowhere, prepare(Duration.ofSeconds(20)));

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.T01_PEER_UNREACHABLE);
    }

    @Test
    void shouldGiveUpWhenThePacketExpiresAndAnswerR00() {
        // A peer that takes the request and never answers.
        behaviour = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return true;
            }
        };

        Reply reply = send(Duration.ofMillis(300));

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.R00_TRANSFER_TIMED_OUT);
    }

    @Test
    void shouldAnswerR00WithoutSendingAnAlreadyExpiredPacket() {
        Reply reply = client.send("b", HttpLink.of(endpoint, TOKEN),
                Fixtures.prepare(5, "test.b", Instant.now().minusSeconds(1)));

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.R00_TRANSFER_TIMED_OUT);
        assertThat(seen.get()).isNull();
    }
}
