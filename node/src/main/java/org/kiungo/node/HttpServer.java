package org.kiungo.node;

import java.io.IOException;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * One Jetty server on one port. Handlers run on virtual threads, so they are written in plain blocking style;
 * Jetty's own selector threads stay on a small platform pool, as Jetty's guide recommends.
 */
final class HttpServer {
    /** Requests handled at once; more wait for a virtual thread instead of exhausting memory. */
    static final int REQUESTS_CONCURRENT_MAX = 4_096;
    /** A connection silent this long is closed. */
    static final long IDLE_TIMEOUT_MS = 30_000;
    /** How long a stop waits for requests in flight before cutting them off. */
    static final long STOP_TIMEOUT_MS = 10_000;

    private final Server server;
    private final ServerConnector connector;

    private HttpServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts a server for {@code handler} on {@code host}:{@code port} (0 picks a free port), speaking HTTP/1.1
     * and, when {@code h2c} is set, HTTP/2 over cleartext too (by prior knowledge or by upgrade).
     */
    static HttpServer start(String name, String host, int port, Handler handler, boolean h2c)
            throws NodeStartException {
        VirtualThreadPool virtualThreads = new VirtualThreadPool(REQUESTS_CONCURRENT_MAX);
        virtualThreads.setName(name + "-request");
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(name);
        threads.setVirtualThreadsExecutor(virtualThreads);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ConnectionFactory[] factories = h2c
                ? new ConnectionFactory[] {new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http)}
                : new ConnectionFactory[] {new HttpConnectionFactory(http)};
        ServerConnector connector = new ServerConnector(server, factories);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(handler));
        server.setStopTimeout(STOP_TIMEOUT_MS);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            String reason = e instanceof IOException && e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new NodeStartException("cannot listen on " + host + ":" + port + " for the " + name + ": "
                    + reason, e);
        }
        return new HttpServer(server, connector);
    }

    /** The port actually bound, which differs from the one asked for when that was 0. */
    int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting, lets requests in flight finish for up to {@link #STOP_TIMEOUT_MS}, then closes. */
    void stop() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // A stop that timed out has still closed the server; there is nothing left to do.
        }
    }
}
