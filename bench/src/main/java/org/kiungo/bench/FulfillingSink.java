package org.kiungo.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;

/**
 * The far end of the forwarding benchmark: a minimal Jetty handler that decodes each Prepare and answers the
 * benchmark's Fulfill when it carries the agreed condition (a Reject otherwise), with no ledger and no routing, so
 * it costs as little of the shared CPU as an ILP receiver can.
 */
final class FulfillingSink implements AutoCloseable {
    /** The largest Prepare read; the benchmark's are about 150 bytes. */
    private static final int BODY_LENGTH_MAX = 64 * 1024;
    private static final int REQUESTS_CONCURRENT_MAX = 4_096;

    private final Server server;
    private final ServerConnector connector;

    private FulfillingSink(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    static FulfillingSink start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("sink");
        threads.setVirtualThreadsExecutor(new VirtualThreadPool(REQUESTS_CONCURRENT_MAX));
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Fulfiller());
        server.start();
        return new FulfillingSink(server, connector);
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class Fulfiller extends Handler.Abstract {
        private final byte[] condition = BenchPackets.condition();
        private final byte[] fulfill = BenchPackets.fulfill();
        private final IlpAddress sink = IlpAddress.of(BenchPackets.SINK_ADDRESS);

        /** Never blocks: it answers from the selector thread when the body came with the headers, as it does. */
        Fulfiller() {
            super(InvocationType.NON_BLOCKING);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (!("Bearer " + BenchPackets.SINK_TOKEN).equals(authorization)) {
                Response.writeError(request, response, callback, HttpStatus.UNAUTHORIZED_401);
                return true;
            }
            Content.Source.asByteArrayAsync(request, BODY_LENGTH_MAX).whenComplete((body, failure) -> {
                byte[] reply = body == null ? reject("unreadable or too long") : reply(body);
                response.setStatus(HttpStatus.OK_200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.length);
                response.write(true, ByteBuffer.wrap(reply), callback);
            });
            return true;
        }

        private byte[] reply(byte[] bytes) {
            try {
                Prepare prepare = IlpCodec.decodePrepare(bytes);
                return Arrays.equals(prepare.executionCondition(), condition) ? fulfill : reject("unknown condition");
            } catch (DecodingException e) {
                return reject("not a Prepare");
            }
        }

        private byte[] reject(String message) {
            return IlpCodec.encode(Reject.of(ErrorCode.F99_APPLICATION_ERROR, sink, message));
        }
    }
}
