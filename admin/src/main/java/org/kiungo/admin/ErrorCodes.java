package org.kiungo.admin;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.kiungo.peering.PeeringException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every error an {@code extensions.code}: a refused operation its {@link org.kiungo.peering.PeeringError}
 * name, a query that does not parse {@code GRAPHQL_PARSE_FAILED}, one that breaks the schema
 * {@code GRAPHQL_VALIDATION_FAILED} (so does one beyond the depth or complexity limit), bad variables
 * {@code BAD_USER_INPUT}, and anything unexpected
 * {@code INTERNAL_SERVER_ERROR} with a message that reveals nothing (the cause is logged once).
 */
final class ErrorCodes implements DataFetcherExceptionHandler {
    static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    static final String INTERNAL = "INTERNAL_SERVER_ERROR";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorCodes.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable cause = parameters.getException();
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError()
                .path(parameters.getPath())
                .location(parameters.getSourceLocation());
        if (cause instanceof PeeringException refused) {
            error.message(refused.getMessage()).extensions(Map.of("code", refused.error().name()));
        } else {
            LOG.error("unexpected failure in {}", parameters.getPath(), cause);
            error.message("internal error; the node's log has the details")
                    .extensions(Map.of("code", INTERNAL));
        }
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult()
                .error(error.build()).build());
    }

    /** The code for an error graphql-java raised before any resolver ran. */
    static String codeOf(GraphQLError error) {
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            return PARSE_FAILED;
        }
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (message.startsWith("Variable") || message.contains("Coercion")) {
            return BAD_USER_INPUT;
        }
        if (error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.ExecutionAborted) {
            return VALIDATION_FAILED;
        }
        return INTERNAL;
    }
}
