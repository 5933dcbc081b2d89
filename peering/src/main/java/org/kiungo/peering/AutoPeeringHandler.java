package org.kiungo.peering;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /} on the auto-peering port: a JSON peering request of at most {@link #BODY_BYTES_MAX} bytes in,
 * the answer or a refusal in Rafiki's error JSON out (with the refusal's HTTP status). Blocking: it must run on
 * virtual threads, as the node's servers do.
 */
public final class AutoPeeringHandler extends Handler.Abstract {
    /** Largest request body: a request is a few hundred bytes; URLs and tokens are bounded well below this. */
    public static final int BODY_BYTES_MAX = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(AutoPeeringHandler.class);

    private final AutoPeeringAcceptor acceptor;

    public AutoPeeringHandler(AutoPeeringAcceptor acceptor) {
        super(InvocationType.BLOCKING);
        this.acceptor = acceptor;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        if (!"/".equals(Request.getPathInContext(request))) {
            return false;
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, HttpMethod.POST.asString());
            replyJson(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, refusal(
                    AutoPeeringRefusal.Type.InvalidPeeringRequest, "only POST is allowed").body());
            return true;
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(BODY_BYTES_MAX + 1);
        }
        try {
            if (body.length > BODY_BYTES_MAX) {
                throw refusal(AutoPeeringRefusal.Type.InvalidPeeringRequest, "the body is larger than "
                        + BODY_BYTES_MAX + " bytes");
            }
            AutoPeeringMessages.Answer answer = acceptor.accept(body);
            reply(response, callback, HttpStatus.OK_200, AutoPeeringMessages.write(answer));
        } catch (AutoPeeringRefusal refused) {
            LOG.info("auto-peering request refused ({}): {}", refused.type(), refused.getMessage());
            replyJson(response, callback, refused.type().status(), refused.body());
        }
        return true;
    }

    private static AutoPeeringRefusal refusal(AutoPeeringRefusal.Type type, String reason) {
        return new AutoPeeringRefusal(type, reason);
    }

    private static void replyJson(Response response, Callback callback, int status, Object body) {
        reply(response, callback, status, AutoPeeringMessages.write(body));
    }

    private static void reply(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
