package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.reject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
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
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;

/**
 * RFC 35's asynchronous mode between two in-process sides over real HTTP: A sends Prepares to B with its callback
 * URL; B answers 202 and POSTs each reply to A's callback endpoint. Packets live seconds of real time.
 */
class AsynchronousIlpOverHttpTest {
    private static final IlpAddress A = IlpAddress.of("test.a");
    private static final IlpAddress B = IlpAddress.of("test.b");

    private final IlpOverHttpClient clientA = IlpOverHttpClient.start(A, Clock.systemUTC());
    private final IlpOverHttpClient clientB = IlpOverHttpClient.start(B, Clock.systemUTC());
    private final CallbackReplies repliesB;
    private final InMemoryIncomingTokens tokensA = new InMemoryIncomingTokens();
    private final InMemoryIncomingTokens tokensB = new InMemoryIncomingTokens();
    private final InMemoryPeerDirectory peersB = new InMemoryPeerDirectory(tokensB);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Integer> prepareStatuses = new CopyOnWriteArrayList<>();
    private final AtomicInteger callbacks = new AtomicInteger();
    private final AtomicInteger callbacksToLose = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch callbackArrived = new CountDownLatch(1);
    private volatile PacketHandler atB = (peerId, prepare) -> Fixtures.fulfill();
    private Server serverA;
    private Server serverB;
    private URI endpointB;

    AsynchronousIlpOverHttpTest() {
        repliesB = new CallbackReplies(peersB, clientB, Clock.systemUTC());
    }

    @BeforeEach
    void start() throws Exception {
        ReplyCallbackHandler callbackA = new ReplyCallbackHandler(tokensA, clientA.pendingReplies());
        serverA = server(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                callbacks.incrementAndGet();
                callbackArrived.countDown();
                if (callbacksToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return IlpOverHttpHandler.plain(response, callback, 503, "lost");
                }
                return callbackA.handle(request, response, callback);
            }
        });
        IlpOverHttpHandler handlerB = new IlpOverHttpHandler(B, tokensB, (peerId, prepare) -> atB.handle(peerId,
                prepare), Optional.of(repliesB));
        serverB = server(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                boolean handled = handlerB.handle(request, response, callback);
                prepareStatuses.add(response.getStatus());
                return handled;
            }
        });
        URI endpointA = URI.create("http://127.0.0.1:" + port(serverA) + "/ilp");
        endpointB = URI.create("http://127.0.0.1:" + port(serverB) + "/ilp");
        clientA.acceptRepliesAt(URI.create("http://127.0.0.1:" + port(serverA) + "/ilp/callback"));
        tokensA.add("b", "b-to-a");
        tokensA.add("c", "c-to-a");
        peersB.add(Peer.of("a", A, USD, HttpLink.of(endpointA, "b-to-a"), UUID.randomUUID()), List.of("a-to-b"));
    }

    private static Server server(Handler handler) throws Exception {
        Server server = new Server();
        server.addConnector(new ServerConnector(server));
        server.setHandler(handler);
        server.start();
        return server;
    }

    private static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        released.countDown();
        repliesB.close();
        clientA.close();
        clientB.close();
        serverA.stop();
        serverB.stop();
        http.close();
    }

    private Reply sendToB(Duration lifetime) {
        HttpLink link = HttpLink.of(endpointB, "a-to-b").withMode(HttpLink.Mode.ASYNCHRONOUS);
        return clientA.send("b", link, Fixtures.prepare(5, "test.b.bob", Instant.now().plus(lifetime)));
    }

    private HttpResponse<String> post(URI uri, String token, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream").POST(BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private URI callbackA() {
        return URI.create("http://127.0.0.1:" + port(serverA) + "/callback");
    }

    @Test
    void shouldAnswer202AndDeliverTheReplyByCallback() {
        Reply reply = sendToB(Duration.ofSeconds(5));

        assertThat(reply).isEqualTo(Fixtures.fulfill());
        assertThat(prepareStatuses).containsExactly(202);
        assertThat(callbacks.get()).isEqualTo(1);
        assertThat(clientA.pendingReplies().size()).isZero();
    }

    @Test
    void shouldRetryACallbackThatWasLost() {
        callbacksToLose.set(2);

        Reply reply = sendToB(Duration.ofSeconds(10));

        assertThat(reply).isEqualTo(Fixtures.fulfill());
        assertThat(callbacks.get()).isEqualTo(3);
    }

    @Test
    void shouldCountOnlyTheFirstReplyAndRefuseDuplicatesAndStrangers() throws Exception {
        UUID requestId = UUID.randomUUID();
        CompletableFuture<Reply> waiting = clientA.pendingReplies().register(requestId, "b").orElseThrow();
        byte[] fulfill = IlpCodec.encode(Fixtures.fulfill());
        byte[] rejectBytes = IlpCodec.encode(org.kiungo.codec.ilp.Reject.of(ErrorCode.F99_APPLICATION_ERROR, B,
                "late"));

        HttpResponse<String> fromC = post(callbackA(), "c-to-a", fulfill, "Request-Id", requestId.toString());
        HttpResponse<String> first = post(callbackA(), "b-to-a", fulfill, "Request-Id", requestId.toString());
        HttpResponse<String> second = post(callbackA(), "b-to-a", rejectBytes, "Request-Id", requestId.toString());
        HttpResponse<String> unknown = post(callbackA(), "b-to-a", fulfill, "Request-Id",
                UUID.randomUUID().toString());
        HttpResponse<String> stranger = post(callbackA(), "nobody", fulfill, "Request-Id", requestId.toString());
        HttpResponse<String> noId = post(callbackA(), "b-to-a", fulfill);
        HttpResponse<String> garbage = post(callbackA(), "b-to-a", new byte[] {9, 9}, "Request-Id",
                UUID.randomUUID().toString());

        assertThat(fromC.statusCode()).isEqualTo(400);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("has its reply already");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(waiting.join()).isEqualTo(Fixtures.fulfill());
        clientA.pendingReplies().forget(requestId);
    }

    @Test
    void shouldGiveR00WhenNoReplyComesBeforeThePacketExpires() {
        atB = (peerId, prepare) -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Fixtures.fulfill();
        };

        Reply reply = sendToB(Duration.ofMillis(1_500));

        assertThat(reject(reply).code()).isEqualTo(ErrorCode.R00_TRANSFER_TIMED_OUT);
        assertThat(reject(reply).triggeredBy()).isEqualTo(A.value());
        assertThat(prepareStatuses).containsExactly(202);
        assertThat(clientA.pendingReplies().size()).isZero();
    }

    @Test
    void shouldRefuseACallbackOnAnotherHostOrWithoutARequestIdAndHandleNothing() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        atB = (peerId, prepare) -> {
            handled.incrementAndGet();
            return Fixtures.fulfill();
        };
        byte[] prepare = IlpCodec.encode(Fixtures.prepare(5, "test.b.bob", Instant.now().plusSeconds(5)));

        HttpResponse<String> elsewhere = post(endpointB, "a-to-b", prepare, "Callback-Url",
                "http://169.254.169.254/latest", "Request-Id", UUID.randomUUID().toString());
        HttpResponse<String> noId = post(endpointB, "a-to-b", prepare, "Callback-Url", callbackA().toString());
        HttpResponse<String> notAPrepare = post(endpointB, "a-to-b", new byte[] {1}, "Callback-Url",
                callbackA().toString(), "Request-Id", UUID.randomUUID().toString());

        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("on the host of your endpoint");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(notAPrepare.statusCode()).isEqualTo(400);
        assertThat(handled.get()).isZero();
        assertThat(callbacks.get()).isZero();
    }

    @Test
    void shouldHandleAPrepareSentTwiceUnderOneRequestIdOnce() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        atB = (peerId, prepare) -> {
            handled.incrementAndGet();
            return Fixtures.fulfill();
        };
        byte[] prepare = IlpCodec.encode(Fixtures.prepare(5, "test.b.bob", Instant.now().plusSeconds(5)));
        String requestId = UUID.randomUUID().toString();

        HttpResponse<String> first = post(endpointB, "a-to-b", prepare, "Callback-Url", callbackA().toString(),
                "Request-Id", requestId);
        HttpResponse<String> again = post(endpointB, "a-to-b", prepare, "Callback-Url", callbackA().toString(),
                "Request-Id", requestId);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(callbackArrived.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(handled.get()).isEqualTo(1);
    }

    @Test
    void shouldStayFastAndSynchronousForARequestWithoutACallback() throws Exception {
        byte[] prepare = IlpCodec.encode(Fixtures.prepare(5, "test.b.bob", Instant.now().plusSeconds(5)));

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(endpointB)
                .header("Authorization", "Bearer a-to-b").header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(prepare)).build(), BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(IlpCodec.decodeReply(response.body())).isInstanceOf(Fulfill.class);
        assertThat(callbacks.get()).isZero();
    }

    @Test
    void shouldHearAPeerThatAnswersSynchronouslyDespiteTheCallback() throws Exception {
        Server syncOnly = server(new IlpOverHttpHandler(B, tokensB, (peerId, prepare) -> Fixtures.fulfill()));
        try {
            HttpLink link = HttpLink.of(URI.create("http://127.0.0.1:" + port(syncOnly) + "/ilp"), "a-to-b")
                    .withMode(HttpLink.Mode.ASYNCHRONOUS);
            Prepare prepare = Fixtures.prepare(5, "test.b.bob", Instant.now().plusSeconds(5));

            assertThat(clientA.send("b", link, prepare)).isEqualTo(Fixtures.fulfill());
            assertThat(callbacks.get()).isZero();
        } finally {
            syncOnly.stop();
        }
    }

    @Test
    void shouldGiveT01ForAnAsynchronousPeerWithoutACallbackUrlOfOurOwn() {
        try (IlpOverHttpClient noCallback = IlpOverHttpClient.start(A, Clock.systemUTC())) {
            HttpLink link = HttpLink.of(endpointB, "a-to-b").withMode(HttpLink.Mode.ASYNCHRONOUS);
            Reply reply = noCallback.send("b", link, Fixtures.prepare(5, "test.b.bob",
                    Instant.now().plusSeconds(5)));

            assertThat(reject(reply).code()).isEqualTo(ErrorCode.T01_PEER_UNREACHABLE);
            assertThat(prepareStatuses).isEmpty();
        }
    }
}
