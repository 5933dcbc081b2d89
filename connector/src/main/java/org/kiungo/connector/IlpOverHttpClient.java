package org.kiungo.connector;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientConnectionFactory;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.ClientConnectionFactoryOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.Invocable;
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
 * The client side of ILP over HTTP (RFC 35): POSTs a Prepare to a peer's endpoint with its bearer token over pooled
 * keep-alive connections (HTTP/1.1, or HTTP/2 cleartext by prior knowledge for links that say so), waiting no
 * longer than the packet lives. Any failure of the link becomes our own Reject: T01, or R00 once the packet has
 * expired. A link in synchronous mode gets its reply in the response; one in asynchronous mode is sent our
 * callback URL and a Request-Id, answers 202, and its reply arrives through {@link #pendingReplies()}.
 * It also POSTs our own replies to peers' callback URLs ({@link #postReply}).
 */
public final class IlpOverHttpClient implements PacketSender, AutoCloseable {
    /** The largest reply read: a Reject carries at most 32 KiB of data and an 8 KiB message. */
    public static final int RESPONSE_BODY_LENGTH_MAX = IlpOverHttpHandler.BODY_LENGTH_MAX;
    /** Open connections to one peer; HTTP/1.1 needs one per packet in flight. */
    public static final int CONNECTIONS_PER_PEER_MAX = 512;
    /** Packets waiting for a connection to one peer; beyond it they fail at once with T01. */
    public static final int QUEUED_REQUESTS_PER_PEER_MAX = 4_096;
    /** The longest a connection attempt may take, however long the packet still lives. */
    public static final long CONNECT_TIMEOUT_MS_MAX = 5_000;
    /** An unused pooled connection is closed after this long. */
    public static final long IDLE_TIMEOUT_MS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(IlpOverHttpClient.class);

    private final IlpAddress ourAddress;
    private final Clock clock;
    private final HttpClient client;
    private final PendingReplies pendingReplies = new PendingReplies();
    private volatile URI callbackUrl;

    private IlpOverHttpClient(IlpAddress ourAddress, Clock clock, HttpClient client) {
        this.ourAddress = ourAddress;
        this.clock = clock;
        this.client = client;
    }

    /** Starts a client whose Rejects name {@code ourAddress}; packet expiry is read against {@code clock}. */
    public static IlpOverHttpClient start(IlpAddress ourAddress, Clock clock) {
        ClientConnector connector = new ClientConnector();
        connector.setConnectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MS_MAX));
        connector.setIdleTimeout(Duration.ofMillis(IDLE_TIMEOUT_MS));
        // HTTP/1.1 comes first, so it is used unless a request asks for HTTP/2 (h2c by prior knowledge).
        HttpClientTransportDynamic transport = new HttpClientTransportDynamic(connector,
                HttpClientConnectionFactory.HTTP11, new ClientConnectionFactoryOverHTTP2.HTTP2(
                new HTTP2Client(connector)));
        // Every caller waits on a future, so replies complete on the selector thread instead of a pool thread's.
        transport.setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        HttpClient client = new HttpClient(transport);
        client.setMaxConnectionsPerDestination(CONNECTIONS_PER_PEER_MAX);
        client.setMaxRequestsQueuedPerDestination(QUEUED_REQUESTS_PER_PEER_MAX);
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the ILP-over-HTTP client", e);
        }
        // A 401 from a peer is an answer to report, not a challenge to negotiate (the handlers exist once started).
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        return new IlpOverHttpClient(Objects.requireNonNull(ourAddress, "ourAddress"),
                Objects.requireNonNull(clock, "clock"), client);
    }

    @Override
    public Reply send(String peerId, HttpLink link, Prepare prepare) {
        long timeoutMs = Duration.between(clock.instant(), prepare.expiresAt()).toMillis();
        if (timeoutMs <= 0) {
            return Reject.of(ErrorCode.R00_TRANSFER_TIMED_OUT, ourAddress, "the packet expired before it was sent");
        }
        if (link.mode() == HttpLink.Mode.ASYNCHRONOUS) {
            return sendForCallback(peerId, link, prepare, timeoutMs);
        }
        Request request = prepareRequest(link, prepare, timeoutMs);
        ContentResponse response;
        try {
            response = new CompletableResponseListener(request, RESPONSE_BODY_LENGTH_MAX).send().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            return unreachable(peerId, prepare, "interrupted");
        } catch (ExecutionException e) {
            // The cause names a connection, timeout or length failure; it never carries the token or the packet.
            return unreachable(peerId, prepare, e.getCause().getClass().getSimpleName());
        }
        if (response.getStatus() != HttpStatus.OK_200) {
            return unreachable(peerId, prepare, "HTTP " + response.getStatus());
        }
        return decodeReply(peerId, prepare, response);
    }

    private Request prepareRequest(HttpLink link, Prepare prepare, long timeoutMs) {
        return client.newRequest(link.endpoint())
                .method(HttpMethod.POST)
                .version(link.h2c() ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1)
                .headers(headers -> headers.put(HttpHeader.AUTHORIZATION, "Bearer " + link.outgoingToken()))
                .body(new BytesRequestContent(IlpOverHttpHandler.OCTET_STREAM, IlpCodec.encode(prepare)))
                .timeout(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private Reply decodeReply(String peerId, Prepare prepare, ContentResponse response) {
        try {
            return IlpCodec.decodeReply(response.getContent());
        } catch (DecodingException e) {
            return unreachable(peerId, prepare, "a reply that is not an ILP Fulfill or Reject");
        }
    }

    /**
     * Asynchronous mode: the Prepare goes out with our callback URL and a fresh Request-Id, and we wait for the
     * reply by callback until the packet expires. A peer that answers 200 with the reply instead is heard too.
     */
    private Reply sendForCallback(String peerId, HttpLink link, Prepare prepare, long timeoutMs) {
        URI callback = callbackUrl;
        if (callback == null) {
            return unreachable(peerId, prepare, "this node has no callback URL for asynchronous replies");
        }
        UUID requestId = UUID.randomUUID();
        Optional<CompletableFuture<Reply>> waiting = pendingReplies.register(requestId, peerId);
        if (waiting.isEmpty()) {
            return Reject.of(ErrorCode.T03_CONNECTOR_BUSY, ourAddress, "too many packets await their reply");
        }
        try {
            Request request = prepareRequest(link, prepare, timeoutMs).headers(headers -> headers
                    .put(IlpOverHttpHandler.PREFER, IlpOverHttpHandler.RESPOND_ASYNC)
                    .put(IlpOverHttpHandler.CALLBACK_URL, callback.toString())
                    .put(IlpOverHttpHandler.REQUEST_ID, requestId.toString()));
            ContentResponse response = new CompletableResponseListener(request, RESPONSE_BODY_LENGTH_MAX).send()
                    .get();
            if (response.getStatus() == HttpStatus.OK_200) {
                return decodeReply(peerId, prepare, response);
            }
            if (response.getStatus() != HttpStatus.ACCEPTED_202) {
                return unreachable(peerId, prepare, "HTTP " + response.getStatus());
            }
            // A millisecond past the expiry, so that a wait that times out is answered R00, not T01.
            long leftNanos = Math.max(0, Duration.between(clock.instant(), prepare.expiresAt()).toNanos());
            return waiting.get().get(leftNanos + 1_000_000, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(peerId, prepare, "interrupted");
        } catch (ExecutionException e) {
            return unreachable(peerId, prepare, e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            return unreachable(peerId, prepare, "no reply by callback");
        } finally {
            pendingReplies.forget(requestId);
        }
    }

    /**
     * POSTs {@code reply} to a peer's callback URL with the Request-Id of its Prepare and the token the peer
     * expects from us; the HTTP status, or 0 when no response came within {@code timeoutMs}.
     */
    public int postReply(URI callback, String outgoingToken, UUID requestId, Reply reply, long timeoutMs) {
        Request request = client.newRequest(callback)
                .method(HttpMethod.POST)
                .headers(headers -> headers.put(HttpHeader.AUTHORIZATION, "Bearer " + outgoingToken)
                        .put(IlpOverHttpHandler.REQUEST_ID, requestId.toString()))
                .body(new BytesRequestContent(IlpOverHttpHandler.OCTET_STREAM, IlpCodec.encode(reply)))
                .timeout(Math.max(1, timeoutMs), TimeUnit.MILLISECONDS);
        try {
            return new CompletableResponseListener(request, RESPONSE_BODY_LENGTH_MAX).send().get().getStatus();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            return 0;
        } catch (ExecutionException e) {
            return 0;
        }
    }

    /** Where peers in asynchronous mode send their replies to us: set once the connector listens. */
    public void acceptRepliesAt(URI newCallbackUrl) {
        this.callbackUrl = Objects.requireNonNull(newCallbackUrl, "newCallbackUrl");
    }

    /** The Prepares waiting for a reply by callback, which the callback endpoint completes. */
    public PendingReplies pendingReplies() {
        return pendingReplies;
    }

    private Reject unreachable(String peerId, Prepare prepare, String why) {
        LOG.debug("peer {} unreachable: {}", peerId, why);
        if (!prepare.expiresAt().isAfter(clock.instant())) {
            return Reject.of(ErrorCode.R00_TRANSFER_TIMED_OUT, ourAddress, "peer " + peerId
                    + " did not answer before the packet expired");
        }
        return Reject.of(ErrorCode.T01_PEER_UNREACHABLE, ourAddress, "peer " + peerId + " is unreachable: " + why);
    }

    /** Closes every pooled connection; packets in flight fail with T01. */
    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            LOG.warn("the ILP-over-HTTP client did not stop cleanly: {}", e.getClass().getSimpleName());
        }
    }
}
