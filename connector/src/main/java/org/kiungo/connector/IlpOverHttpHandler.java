package org.kiungo.connector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of ILP over HTTP (RFC 35): a peer POSTs an OER-encoded Prepare with its bearer token and gets
 * the Fulfill or Reject back as the body of an HTTP 200. HTTP error statuses (400, 401, 405, 413, 415, 503) are
 * only for requests that never became an ILP packet, so a peer can tell a broken link from a rejected payment.
 * With {@link CallbackReplies}, a Prepare carrying {@value #CALLBACK_URL} and {@value #REQUEST_ID} headers is
 * answered 202 at once and its reply POSTed to the callback (RFC 35's asynchronous mode); without those headers
 * the exchange stays synchronous.
 *
 * <p>The handler blocks while the {@link PacketHandler} works, so it must run on virtual threads.
 */
public final class IlpOverHttpHandler extends Handler.Abstract {
    /** The largest request body read. A Prepare carries at most 32 KiB of data; the rest is headroom. */
    public static final int BODY_LENGTH_MAX = 64 * 1024;
    public static final String OCTET_STREAM = "application/octet-stream";
    public static final String REQUEST_ID = "Request-Id";
    public static final String CALLBACK_URL = "Callback-Url";
    public static final String PREFER = "Prefer";
    public static final String RESPOND_ASYNC = "respond-async";

    private static final Set<String> CONTENT_TYPES = Set.of(OCTET_STREAM, "application/ilp+octet-stream");
    private static final Set<String> PATHS = Set.of("/", "/ilp");
    private static final String BEARER = "Bearer ";
    private static final int UUID_LENGTH = 36;
    private static final Logger LOG = LoggerFactory.getLogger(IlpOverHttpHandler.class);

    private final IlpAddress ourAddress;
    private final IncomingTokens incomingTokens;
    private final PacketHandler packetHandler;
    private final Optional<CallbackReplies> callbackReplies;

    /** A handler in synchronous mode only. */
    public IlpOverHttpHandler(IlpAddress ourAddress, IncomingTokens incomingTokens, PacketHandler packetHandler) {
        this(ourAddress, incomingTokens, packetHandler, Optional.empty());
    }

    /** A handler that also answers by callback when a request asks so and {@code callbackReplies} is present. */
    public IlpOverHttpHandler(IlpAddress ourAddress, IncomingTokens incomingTokens, PacketHandler packetHandler,
                              Optional<CallbackReplies> callbackReplies) {
        super(InvocationType.BLOCKING);
        this.ourAddress = Objects.requireNonNull(ourAddress, "ourAddress");
        this.incomingTokens = Objects.requireNonNull(incomingTokens, "incomingTokens");
        this.packetHandler = Objects.requireNonNull(packetHandler, "packetHandler");
        this.callbackReplies = Objects.requireNonNull(callbackReplies, "callbackReplies");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        if (!PATHS.contains(Request.getPathInContext(request))) {
            return false;
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, HttpMethod.POST.asString());
            return plain(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "only POST is allowed");
        }
        // Authenticate before reading a byte of the body: strangers cost us a header parse, nothing more.
        Optional<String> peerId = peerId(request, incomingTokens);
        if (peerId.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            return plain(response, callback, HttpStatus.UNAUTHORIZED_401, "missing or unknown bearer token");
        }
        if (!CONTENT_TYPES.contains(mediaType(request))) {
            return plain(response, callback, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415,
                    "Content-Type must be " + OCTET_STREAM);
        }
        byte[] body = body(request);
        if (body == null) {
            return plain(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                    "body is longer than " + BODY_LENGTH_MAX + " bytes");
        }
        String callbackUrl = request.getHeaders().get(CALLBACK_URL);
        if (callbackUrl != null && callbackReplies.isPresent()) {
            return replyByCallback(request, response, callback, peerId.get(), body, callbackUrl);
        }
        byte[] reply = IlpCodec.encode(reply(peerId.get(), body));
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, OCTET_STREAM);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.length);
        response.write(true, ByteBuffer.wrap(reply), callback);
        return true;
    }

    private boolean replyByCallback(Request request, Response response, Callback callback, String peerId,
                                    byte[] body, String callbackUrl) {
        Optional<UUID> requestId = requestId(request);
        if (requestId.isEmpty()) {
            return plain(response, callback, HttpStatus.BAD_REQUEST_400, REQUEST_ID + " must be a UUID");
        }
        Prepare prepare;
        try {
            prepare = IlpCodec.decodePrepare(body);
        } catch (DecodingException e) {
            return plain(response, callback, HttpStatus.BAD_REQUEST_400, "the body is not a valid ILP Prepare");
        }
        Optional<CallbackReplies.Refusal> refusal = callbackReplies.get().accept(peerId, prepare, requestId.get(),
                callbackUrl, accepted -> handle(peerId, accepted));
        if (refusal.isPresent()) {
            return plain(response, callback, refusal.get().status(), refusal.get().message());
        }
        response.setStatus(HttpStatus.ACCEPTED_202);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        callback.succeeded();
        return true;
    }

    private Reply reply(String peerId, byte[] body) {
        Prepare prepare;
        try {
            prepare = IlpCodec.decodePrepare(body);
        } catch (DecodingException e) {
            LOG.debug("F01 for a packet from peer {}: {}", peerId, e.getMessage());
            return Reject.of(ErrorCode.F01_INVALID_PACKET, ourAddress, "the body is not a valid ILP Prepare");
        }
        return handle(peerId, prepare);
    }

    private Reply handle(String peerId, Prepare prepare) {
        try {
            return Objects.requireNonNull(packetHandler.handle(peerId, prepare), "the packet handler's reply");
        } catch (RuntimeException e) {
            // The exception's message may quote the packet, so only its type and origin are logged.
            LOG.error("T00 for a Prepare from peer {}: unexpected {} at {}", peerId, e.getClass().getName(),
                    origin(e));
            return Reject.of(ErrorCode.T00_INTERNAL_ERROR, ourAddress, "internal error");
        }
    }

    /** The peer whose bearer token {@code request} carries, if any. */
    static Optional<String> peerId(Request request, IncomingTokens incomingTokens) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        // The scheme name is case-insensitive (RFC 9110, section 11.1).
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return incomingTokens.peerId(authorization.substring(BEARER.length()).strip());
    }

    /** The UUID in the {@value #REQUEST_ID} header, if it holds one. */
    static Optional<UUID> requestId(Request request) {
        String value = request.getHeaders().get(REQUEST_ID);
        if (value == null || value.length() != UUID_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String mediaType(Request request) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    /** The body, or null when it is longer than {@link #BODY_LENGTH_MAX}; never reads more than one byte past it. */
    static byte[] body(Request request) throws IOException {
        long length = request.getLength();
        if (length > BODY_LENGTH_MAX) {
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            // With a Content-Length, which Jetty enforces, one exact read and no 8 KiB buffer to copy from.
            byte[] body = in.readNBytes(length >= 0 ? (int) length : BODY_LENGTH_MAX + 1);
            return body.length > BODY_LENGTH_MAX ? null : body;
        }
    }

    static boolean plain(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, message + "\n", callback);
        return true;
    }

    private static String origin(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? "an unknown place" : trace[0].toString();
    }
}
