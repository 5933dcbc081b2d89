package org.kiungo.peering;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /.well-known/webfinger?resource=https://<host>}: the node's WebFinger record (Appendix A), for the
 * host the request was sent to. A node answers for whatever name it is reached by, so the resource must be an
 * http(s) URL of the request's own host (and no path); anything else is 404, a missing resource 400 (RFC 7033).
 * Other paths fall through to the next handler.
 */
public final class WebFingerHandler extends Handler.Abstract {
    public static final String PATH = "/.well-known/webfinger";
    /** Longest resource parameter considered. */
    static final int RESOURCE_LENGTH_MAX = 2_048;

    private final NodeKey key;
    private final Supplier<Optional<NodeIdentity>> identity;

    /** @param identity the node's identity, empty until the connector listens and its URL is known */
    public WebFingerHandler(NodeKey key, Supplier<Optional<NodeIdentity>> identity) {
        super(InvocationType.NON_BLOCKING);
        this.key = key;
        this.identity = identity;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if (!HttpMethod.GET.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, HttpMethod.GET.asString());
            reply(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "text/plain", "only GET is allowed");
            return true;
        }
        Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        String resource = query.getValue("resource");
        Optional<NodeIdentity> us = identity.get();
        if (resource == null || resource.length() > RESOURCE_LENGTH_MAX) {
            reply(response, callback, HttpStatus.BAD_REQUEST_400, "text/plain", "the resource parameter is required");
        } else if (!isOurHost(resource, Request.getServerName(request))) {
            reply(response, callback, HttpStatus.NOT_FOUND_404, "text/plain", "no record for that resource");
        } else if (us.isEmpty()) {
            reply(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "text/plain", "starting");
        } else {
            byte[] record = new WebFingerRecord(resource, WebFingerRecord.PROTOCOL_VERSION, key.publicKey(),
                    us.get().ilpConnectorUrl().toString(), Optional.of(us.get().ilpAddress().value())).toJson();
            reply(response, callback, HttpStatus.OK_200, "application/jrd+json", record);
        }
        return true;
    }

    private static boolean isOurHost(String resource, String serverName) {
        try {
            URI uri = new URI(resource);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getHost().equalsIgnoreCase(serverName) && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void reply(Response response, Callback callback, int status, String type, String text) {
        reply(response, callback, status, type + "; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
