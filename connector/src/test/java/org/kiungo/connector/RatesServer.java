package org.kiungo.connector;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** A real rates service on a free local port, answering what a test sets, counting requests per base. */
final class RatesServer implements AutoCloseable {
    private final Server server = new Server();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile boolean hang;

    RatesServer() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Fields query = Request.extractQueryParameters(request);
                String base = query.getValue("base");
                requests.computeIfAbsent(String.valueOf(base), b -> new AtomicInteger()).incrementAndGet();
                if (hang) {
                    released.await();
                }
                response.setStatus(status);
                response.getHeaders().put("Content-Type", "application/json");
                Content.Sink.write(response, true, body.replace("$base", String.valueOf(base)), callback);
                return true;
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + "/rates");
    }

    /** Answers {@code status} with {@code json}, in which {@code $base} stands for the base asked for. */
    void answer(int newStatus, String json) {
        status = newStatus;
        body = json;
    }

    /** Holds every request until the server closes. */
    void hang() {
        hang = true;
    }

    int requests(String base) {
        AtomicInteger count = requests.get(base);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() throws Exception {
        released.countDown();
        server.stop();
    }
}
