package org.kiungo.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.connector.IlpOverHttpHandler;

/**
 * A peer over real HTTP (HTTP/1.1 and h2c) that fulfils every Prepare and records how each one for an address under
 * {@code recorded} reached it (the node's CCP requests are not): the HTTP version and whether it came in RFC 35's
 * asynchronous mode. Asynchronous Prepares get 202 at once and their
 * Fulfill by a POST to the Callback-Url with the Request-Id, presenting {@code callbackToken}; the others get the
 * Fulfill in the response.
 */
final class RecordingPeer implements AutoCloseable {
    /** How one Prepare arrived: its HTTP version ("HTTP/1.1", "HTTP/2.0") and its callback URL, if any. */
    record Arrival(String httpVersion, Optional<URI> callbackUrl) {
    }

    private static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(10);

    private final IlpAddress recorded;
    private final byte[] fulfillment;
    private final String callbackToken;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final HttpClient callbacks = HttpClient.newBuilder().connectTimeout(CALLBACK_TIMEOUT).build();
    private final HttpServer server;

    RecordingPeer(IlpAddress recorded, byte[] fulfillment, String callbackToken) throws NodeStartException {
        this.recorded = recorded;
        this.fulfillment = fulfillment.clone();
        this.callbackToken = callbackToken;
        server = HttpServer.start("recording-peer", "127.0.0.1", 0, new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return receive(request, response, callback);
            }
        }, true);
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.port() + "/ilp";
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    private boolean receive(Request request, Response response, Callback callback) throws Exception {
        ByteBuffer body = Content.Source.asByteBuffer(request);
        byte[] prepare = new byte[body.remaining()];
        body.get(prepare);
        IlpAddress destination = IlpCodec.decodePrepare(prepare).destination();
        String requestId = request.getHeaders().get(IlpOverHttpHandler.REQUEST_ID);
        Optional<URI> callbackUrl = Optional.ofNullable(request.getHeaders().get(IlpOverHttpHandler.CALLBACK_URL))
                .map(URI::create);
        if (destination.value().startsWith(recorded.value() + ".")) {
            arrivals.add(new Arrival(request.getConnectionMetaData().getHttpVersion().asString(), callbackUrl));
        }
        byte[] reply = IlpCodec.encode(new Fulfill(fulfillment.clone(), new byte[0]));
        if (callbackUrl.isEmpty() || requestId == null) {
            response.setStatus(200);
            response.write(true, ByteBuffer.wrap(reply), callback);
            return true;
        }
        response.setStatus(202);
        response.write(true, ByteBuffer.allocate(0), callback);
        Thread.ofVirtual().start(() -> postReply(callbackUrl.get(), requestId, reply));
        return true;
    }

    private void postReply(URI callbackUrl, String requestId, byte[] reply) {
        HttpRequest request = HttpRequest.newBuilder(callbackUrl).timeout(CALLBACK_TIMEOUT)
                .header("Authorization", "Bearer " + callbackToken).header(IlpOverHttpHandler.REQUEST_ID, requestId)
                .header("Content-Type", "application/octet-stream").POST(BodyPublishers.ofByteArray(reply)).build();
        try {
            callbacks.send(request, BodyHandlers.discarding());
        } catch (Exception e) {
            // The sender then times the packet out, which the test sees as a Reject.
        }
    }

    @Override
    public void close() {
        server.stop();
        callbacks.close();
    }
}
