package org.kiungo.admin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real HTTP server on a free port standing in for the operator's webhook: it keeps every request and answers
 * the statuses it was given, in order, then 200.
 */
final class WebhookReceiver implements AutoCloseable {
    /** One request as received. */
    record Received(String signature, String contentType, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    WebhookReceiver(Integer... statuses) throws Exception {
        this.statuses.addAll(List.of(statuses));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                received.add(new Received(request.getHeaders().get(WebhookDelivery.SIGNATURE_HEADER),
                        request.getHeaders().get("Content-Type"), body));
                Integer status = WebhookReceiver.this.statuses.poll();
                response.setStatus(status == null ? 200 : status);
                response.write(true, null, callback);
                return true;
            }
        });
        server.start();
    }

    /** Answers {@code status} to every later request. */
    void alwaysAnswer(int status) {
        statuses.clear();
        for (int i = 0; i < 1_000; i++) {
            statuses.add(status);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/webhooks");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
