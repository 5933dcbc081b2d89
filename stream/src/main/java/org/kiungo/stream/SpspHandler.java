package org.kiungo.stream;

import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kiungo.codec.stream.SpspResponse;

/**
 * The SPSP endpoint of every wallet address (RFC 9): {@code GET <payment pointer URL>} with {@code Accept:
 * application/spsp4+json} answers fresh STREAM credentials. {@code Receipt-Nonce} and {@code Receipt-Secret}
 * (base64, 16 and 32 bytes, both or neither) come from a receipt verifier and turn receipts on (RFC 39).
 *
 * <p>Answers: 200 with the credentials; 400 for a query string (RFC 9 forbids them) or bad receipt headers; 404 for
 * an unknown wallet; 406 without the SPSP media type; 405 for other methods. Every answer allows any origin, so
 * browser wallets can pay, and none may be cached, since each carries its own secret.
 */
public final class SpspHandler extends Handler.Abstract {
    public static final String RECEIPT_NONCE = "Receipt-Nonce";
    public static final String RECEIPT_SECRET = "Receipt-Secret";
    /** Longer receipt headers are refused before decoding: 32 bytes take 44 base64 characters. */
    public static final int RECEIPT_HEADER_CHARS_MAX = 64;

    private static final String NOT_FOUND_BODY =
            "{\"id\":\"InvalidReceiverError\",\"message\":\"Invalid receiver ID\"}";

    private final WalletAddresses wallets;
    private final StreamCredentials credentials;

    public SpspHandler(WalletAddresses wallets, StreamCredentials credentials) {
        super(InvocationType.NON_BLOCKING);
        this.wallets = Objects.requireNonNull(wallets, "wallets");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.VARY, "Accept");
        if (HttpMethod.OPTIONS.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET");
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS,
                    "Accept, " + RECEIPT_NONCE + ", " + RECEIPT_SECRET);
            response.setStatus(HttpStatus.NO_CONTENT_204);
            callback.succeeded();
            return true;
        }
        if (!HttpMethod.GET.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, OPTIONS");
            return error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "MethodNotAllowed", "use GET");
        }
        return get(request, response, callback);
    }

    private boolean get(Request request, Response response, Callback callback) {
        if (request.getHttpURI().getQuery() != null) {
            return error(response, callback, HttpStatus.BAD_REQUEST_400, "InvalidRequestError",
                    "SPSP endpoints take no query string");
        }
        Optional<Wallet> wallet = wallets.byPath(Request.getPathInContext(request));
        if (wallet.isEmpty()) {
            return json(response, callback, HttpStatus.NOT_FOUND_404, NOT_FOUND_BODY);
        }
        if (!acceptsSpsp(request.getHeaders().get(HttpHeader.ACCEPT))) {
            return error(response, callback, HttpStatus.NOT_ACCEPTABLE_406, "NotAcceptable",
                    "Accept must include " + SpspResponse.MEDIA_TYPE);
        }
        String nonce = request.getHeaders().get(RECEIPT_NONCE);
        String secret = request.getHeaders().get(RECEIPT_SECRET);
        if ((nonce == null) != (secret == null)) {
            return error(response, callback, HttpStatus.BAD_REQUEST_400, "InvalidRequestError",
                    RECEIPT_NONCE + " and " + RECEIPT_SECRET + " must be sent together");
        }
        Optional<ReceiptSetup> receipts = Optional.empty();
        if (nonce != null) {
            byte[] nonceBytes = decode(nonce, 16);
            byte[] secretBytes = decode(secret, 32);
            if (nonceBytes == null || secretBytes == null) {
                // Never echo the headers: one of them is a secret.
                return error(response, callback, HttpStatus.BAD_REQUEST_400, "InvalidRequestError",
                        RECEIPT_NONCE + " must be 16 bytes and " + RECEIPT_SECRET + " 32 bytes, in base64");
            }
            receipts = Optional.of(new ReceiptSetup(nonceBytes, secretBytes));
        }
        Wallet found = wallet.get();
        SpspResponse body = credentials.issue(found.addressBase(), found.id(), receipts);
        return json(response, callback, HttpStatus.OK_200, body.toJson());
    }

    /** Whether an Accept header lists the SPSP v4 media type; wildcards do not count, as they mean a web page. */
    static boolean acceptsSpsp(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(SpspResponse.MEDIA_TYPE)) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().replace(" ", "");
                refused |= parameter.matches("[qQ]=0(\\.0{0,3})?");
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }

    /** The bytes of a base64 (standard or URL-safe) header of exactly {@code length} bytes, or null. */
    private static byte[] decode(String value, int length) {
        String text = value.strip();
        if (text.length() > RECEIPT_HEADER_CHARS_MAX) {
            return null;
        }
        try {
            boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
            byte[] bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
            return bytes.length == length ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean error(Response response, Callback callback, int status, String id, String message) {
        return json(response, callback, status, "{\"id\":\"" + id + "\",\"message\":\"" + message + "\"}");
    }

    private static boolean json(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, SpspResponse.MEDIA_TYPE);
        Content.Sink.write(response, true, body, callback);
        return true;
    }
}
