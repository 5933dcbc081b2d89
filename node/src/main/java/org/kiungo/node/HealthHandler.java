package org.kiungo.node;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /healthz} on the admin port: 200 with {@code {"status":"ok"}} while the node serves requests, for
 * load balancers and orchestrators. Every other request is left unhandled, which Jetty answers with 404.
 */
final class HealthHandler extends Handler.Abstract.NonBlocking {
    static final String PATH = "/healthz";
    private static final String BODY = "{\"status\":\"ok\"}";

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!HttpMethod.GET.is(request.getMethod()) || !PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, BODY, callback);
        return true;
    }
}
