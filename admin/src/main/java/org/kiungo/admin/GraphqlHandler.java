package org.kiungo.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /graphql} as a Jetty core handler: reads a JSON body of at most {@link #BODY_BYTES_MAX} bytes with
 * {@code query}, optional {@code operationName} and {@code variables} (an object, or a string holding one), and
 * answers the GraphQL response as JSON. Other paths fall through to the next handler. With {@link RequestSignatures},
 * every request must be signed: an unsigned, wrongly signed, expired or replayed one gets 401 and a short text.
 */
public final class GraphqlHandler extends Handler.Abstract {
    /** Largest request body; a mutation with 16 tokens and 1,000 routes fits well within it. */
    public static final int BODY_BYTES_MAX = 1 << 20;
    public static final String PATH = "/graphql";

    private final AdminApi api;
    private final Optional<RequestSignatures> signatures;
    private final ObjectMapper json = new ObjectMapper();

    /** A handler that takes every request: only for an admin port that nobody else can reach. */
    public GraphqlHandler(AdminApi api) {
        this(api, Optional.empty());
    }

    /** A handler that takes only requests signed as {@code signatures} checks, when present. */
    public GraphqlHandler(AdminApi api, Optional<RequestSignatures> signatures) {
        this.api = api;
        this.signatures = signatures;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        // A blocking handler: the node's servers run handlers on virtual threads, so reading the body may block.
        serve(request, response, callback);
        return true;
    }

    private void serve(Request request, Response response, Callback callback) {
        try {
            byte[] body;
            try (InputStream in = Content.Source.asInputStream(request)) {
                body = in.readNBytes(BODY_BYTES_MAX + 1);
            }
            if (body.length > BODY_BYTES_MAX) {
                reply(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, error("the request body is larger than "
                        + BODY_BYTES_MAX + " bytes", "BAD_REQUEST"));
                return;
            }
            Optional<RequestSignatures.Refusal> refusal = signatures.flatMap(checker -> checker.check(
                    request.getHeaders().get(RequestSignatures.HEADER), body));
            if (refusal.isPresent()) {
                refuse(response, callback, refusal.get());
                return;
            }
            if (!HttpMethod.POST.is(request.getMethod())) {
                response.getHeaders().put(HttpHeader.ALLOW, "POST");
                reply(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, error("use POST " + PATH,
                        "BAD_REQUEST"));
                return;
            }
            GraphqlRequest parsed = GraphqlRequest.parse(json, body);
            if (parsed.problem() != null) {
                reply(response, callback, HttpStatus.BAD_REQUEST_400, error(parsed.problem(), "BAD_REQUEST"));
                return;
            }
            reply(response, callback, HttpStatus.OK_200, api.execute(parsed.query(), parsed.operationName(),
                    parsed.variables()));
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    /** 401, or 429 when the replay cache is full; the text never quotes the header. */
    private static void refuse(Response response, Callback callback, RequestSignatures.Refusal refusal) {
        response.setStatus(refusal == RequestSignatures.Refusal.TOO_MANY ? HttpStatus.TOO_MANY_REQUESTS_429
                : HttpStatus.UNAUTHORIZED_401);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, refusal.message(), callback);
    }

    private void reply(Response response, Callback callback, int status, Map<String, Object> body) {
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(bytes), callback);
        } catch (JsonProcessingException e) {
            callback.failed(e);
        }
    }

    static Map<String, Object> error(String message, String code) {
        return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))));
    }

    /** The parts of a GraphQL request body, or the problem that stopped them being read. */
    record GraphqlRequest(String query, String operationName, Map<String, Object> variables, String problem) {
        @SuppressWarnings("unchecked")
        static GraphqlRequest parse(ObjectMapper json, byte[] body) {
            JsonNode root;
            try {
                root = json.readTree(body);
            } catch (IOException e) {
                return failed("the request body is not valid JSON: " + describe(e));
            }
            if (root == null || !root.isObject() || !root.path("query").isTextual()) {
                return failed("the request body must be a JSON object with a \"query\" string");
            }
            JsonNode variables = root.path("variables");
            Map<String, Object> values = Map.of();
            try {
                if (variables.isTextual() && !variables.asText().isBlank()) {
                    values = json.readValue(variables.asText(), Map.class);
                } else if (variables.isObject()) {
                    values = json.convertValue(variables, Map.class);
                } else if (!variables.isMissingNode() && !variables.isNull() && !variables.isTextual()) {
                    return failed("\"variables\" must be a JSON object");
                }
            } catch (IOException e) {
                return failed("the query variables are not valid JSON: " + describe(e));
            }
            JsonNode operation = root.path("operationName");
            return new GraphqlRequest(root.path("query").asText(), operation.isTextual() ? operation.asText() : null,
                    values, null);
        }

        private static GraphqlRequest failed(String problem) {
            return new GraphqlRequest(null, null, null, problem);
        }

        /** Jackson's reason and where, without echoing the (possibly secret-bearing) input. */
        private static String describe(IOException e) {
            if (e instanceof JsonProcessingException processing && processing.getLocation() != null) {
                return processing.getOriginalMessage() + " (line " + processing.getLocation().getLineNr()
                        + ", column " + processing.getLocation().getColumnNr() + ")";
            }
            return e.getMessage();
        }
    }
}
