package org.kiungo.admin;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.parser.ParserOptions;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kiungo.peering.PeeringServices;
import org.kiungo.peering.RemotePeering;

/**
 * The admin GraphQL API without its transport: the schema from {@code schema.graphqls}, wired to the peering
 * services, with limits on query depth and complexity. {@link #execute} answers a request as the GraphQL
 * specification's response map, every error carrying {@code extensions.code}.
 */
public final class AdminApi {
    /** Deepest selection accepted; the deepest useful one (peers, edges, node, asset, field) is 5. */
    public static final int QUERY_DEPTH_MAX = 12;
    /** Most fields one query may select, counted over every level. */
    public static final int QUERY_COMPLEXITY_MAX = 2_000;
    /**
     * Longest query text in characters (variables are not counted): a createPeer with 16 literal tokens and 1,000
     * literal routes fits. The HTTP body as a whole has {@link GraphqlHandler#BODY_BYTES_MAX}.
     */
    public static final int QUERY_LENGTH_MAX = 100_000;
    /** Most grammar tokens in one query, so a query is refused before parsing it costs much. */
    public static final int QUERY_TOKENS_MAX = 10_000;
    private static final ParserOptions PARSER_OPTIONS = ParserOptions.getDefaultOperationParserOptions().transform(
            options -> options.maxCharacters(QUERY_LENGTH_MAX).maxTokens(QUERY_TOKENS_MAX));
    static final String SCHEMA = "/org/kiungo/admin/schema.graphqls";

    private final GraphQL graphql;

    private AdminApi(GraphQL graphql) {
        this.graphql = graphql;
    }

    /** The API over {@code services}, refusing payments; idempotency records go to their store. */
    public static AdminApi over(PeeringServices services, Clock clock) {
        return over(services, Optional.empty(), clock, WalletPayments.NONE);
    }

    /**
     * The API over {@code services}, reaching other nodes through {@code remote} when present and sending payments
     * with {@code payments}; time comes from {@code clock}.
     */
    public static AdminApi over(PeeringServices services, Optional<RemotePeering> remote, Clock clock,
                                WalletPayments payments) {
        Views views = new Views(services);
        Idempotency idempotency = new Idempotency(services.store(), clock);
        WalletResolvers wallets = new WalletResolvers(services, views, payments);
        Map<String, MutationResolvers.Mutation> resolvers = new HashMap<>(new MutationResolvers(services, views,
                remote).mutations());
        resolvers.putAll(wallets.mutations());
        Map<String, DataFetcher<?>> mutations = new HashMap<>();
        resolvers.forEach((name, mutation) -> mutations.put(name,
                env -> idempotency.run(name, MutationResolvers.input(env), mutation)));
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(UInt64Scalar.TYPE)
                .type("Query", type -> {
                    new QueryResolvers(services, views).fetchers().forEach(type::dataFetcher);
                    wallets.queries().forEach(type::dataFetcher);
                    return type;
                })
                .type("Mutation", type -> {
                    mutations.forEach(type::dataFetcher);
                    return type;
                })
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(schemaText()),
                wiring);
        return new AdminApi(GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(new ErrorCodes())
                .instrumentation(new ChainedInstrumentation(List.of(
                        new MaxQueryDepthInstrumentation(QUERY_DEPTH_MAX),
                        new MaxQueryComplexityInstrumentation(QUERY_COMPLEXITY_MAX))))
                .build());
    }

    /** Runs one request; never throws for a bad request, which is answered with errors instead. */
    public Map<String, Object> execute(String query, String operationName, Map<String, Object> variables) {
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput()
                .query(query)
                .operationName(operationName)
                .variables(variables == null ? Map.of() : variables)
                .graphQLContext(Map.of(ParserOptions.class, PARSER_OPTIONS))
                .build());
        Map<String, Object> response = new LinkedHashMap<>(result.toSpecification());
        if (!result.getErrors().isEmpty()) {
            response.put("errors", errors(result.getErrors(), query));
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(List<GraphQLError> errors, String query) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (GraphQLError error : errors) {
            Map<String, Object> spec = new LinkedHashMap<>(error.toSpecification());
            Map<String, Object> extensions = new LinkedHashMap<>(
                    (Map<String, Object>) spec.getOrDefault("extensions", Map.of()));
            extensions.putIfAbsent("code", ErrorCodes.codeOf(error));
            if (ErrorCodes.PARSE_FAILED.equals(extensions.get("code"))) {
                String hint = SyntaxHints.hint(query);
                if (hint != null) {
                    spec.put("message", spec.get("message") + ". " + hint);
                }
            }
            extensions.remove("classification");
            spec.put("extensions", extensions);
            out.add(spec);
        }
        return out;
    }

    private static String schemaText() {
        try (InputStream in = AdminApi.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("the admin schema " + SCHEMA + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the admin schema could not be read", e);
        }
    }
}
