package org.kiungo.connector;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Reply;

/**
 * Our callback endpoint for RFC 35's asynchronous mode: a peer POSTs the Fulfill or Reject of a Prepare we sent it,
 * with that Prepare's Request-Id and the peer's own bearer token. The first reply to a Prepare in flight is the
 * answer (200); a duplicate, a reply for an id we do not know, or one for a Prepare we sent another peer changes
 * nothing and gets 400, which the RFC says ends the peer's retries.
 */
public final class ReplyCallbackHandler extends Handler.Abstract {
    /** Where the callback listens: under the connector's root, and under {@code /ilp} behind a path-keeping proxy. */
    public static final Set<String> PATHS = Set.of("/callback", "/ilp/callback");
    /** Appended to the connector's public URL to make our callback URL. */
    public static final String PATH_SUFFIX = "/callback";

    private final IncomingTokens incomingTokens;
    private final PendingReplies pendingReplies;

    public ReplyCallbackHandler(IncomingTokens incomingTokens, PendingReplies pendingReplies) {
        super(InvocationType.BLOCKING);
        this.incomingTokens = Objects.requireNonNull(incomingTokens, "incomingTokens");
        this.pendingReplies = Objects.requireNonNull(pendingReplies, "pendingReplies");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        if (!PATHS.contains(Request.getPathInContext(request))) {
            return false;
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, HttpMethod.POST.asString());
            return IlpOverHttpHandler.plain(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                    "only POST is allowed");
        }
        Optional<String> peerId = IlpOverHttpHandler.peerId(request, incomingTokens);
        if (peerId.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            return IlpOverHttpHandler.plain(response, callback, HttpStatus.UNAUTHORIZED_401,
                    "missing or unknown bearer token");
        }
        Optional<UUID> requestId = IlpOverHttpHandler.requestId(request);
        if (requestId.isEmpty()) {
            return IlpOverHttpHandler.plain(response, callback, HttpStatus.BAD_REQUEST_400,
                    IlpOverHttpHandler.REQUEST_ID + " must be a UUID");
        }
        byte[] body = IlpOverHttpHandler.body(request);
        if (body == null) {
            return IlpOverHttpHandler.plain(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                    "body is longer than " + IlpOverHttpHandler.BODY_LENGTH_MAX + " bytes");
        }
        Reply reply;
        try {
            reply = IlpCodec.decodeReply(body);
        } catch (DecodingException e) {
            return IlpOverHttpHandler.plain(response, callback, HttpStatus.BAD_REQUEST_400,
                    "the body is not an ILP Fulfill or Reject");
        }
        return switch (pendingReplies.deliver(peerId.get(), requestId.get(), reply)) {
            case ACCEPTED -> IlpOverHttpHandler.plain(response, callback, HttpStatus.OK_200, "accepted");
            case DUPLICATE -> IlpOverHttpHandler.plain(response, callback, HttpStatus.BAD_REQUEST_400,
                    "this Prepare has its reply already");
            case UNKNOWN -> IlpOverHttpHandler.plain(response, callback, HttpStatus.BAD_REQUEST_400,
                    "no Prepare of ours to you is in flight with this " + IlpOverHttpHandler.REQUEST_ID);
        };
    }
}
