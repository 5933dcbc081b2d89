package org.kiungo.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.admin.AdminFixture.code;
import static org.kiungo.admin.AdminFixture.firstError;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The named limits on one query: depth, complexity (fields counted over every level), length and tokens. Each is
 * checked at its boundary: a query exactly at the limit is served, one beyond it is refused before it runs.
 */
final class AdminLimitsTest {
    @TempDir
    Path directory;
    AdminFixture admin;

    @BeforeEach
    void open() {
        admin = new AdminFixture(directory);
    }

    @AfterEach
    void close() {
        admin.close();
    }

    /** A query {@code depth} fields deep: introspection's {@code ofType} nests as far as one asks. */
    static String nested(int depth) {
        int ofTypes = depth - 4;
        return "{ __type(name: \"Query\") { fields { type { " + "ofType { ".repeat(ofTypes) + "name"
                + " }".repeat(ofTypes) + " } } } }";
    }

    /** {@code fields} fields in all: aliased {@code assets { pageInfo { hasNextPage } } }, three fields each. */
    static String wide(int fields) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < fields / 3; i++) {
            query.append(" f").append(i).append(": assets { pageInfo { hasNextPage } }");
        }
        String[] rest = {"", " r: assets { __typename }", " r: assets { pageInfo { __typename } }"};
        return query.append(rest[fields % 3]).append(" }").toString();
    }

    @Test
    void shouldServeAQueryAtTheDepthLimitAndRefuseOneDeeper() {
        assertThat(admin.run(nested(AdminApi.QUERY_DEPTH_MAX), "{}")).doesNotContainKey("errors");

        Map<String, Object> refused = admin.run(nested(AdminApi.QUERY_DEPTH_MAX + 1), "{}");

        assertThat(code(refused)).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(firstError(refused).get("message").toString()).containsIgnoringCase("depth");
        assertThat(refused.get("data")).isNull();
    }

    @Test
    void shouldServeAQueryAtTheComplexityLimitAndRefuseAWiderOne() {
        assertThat(admin.run(wide(AdminApi.QUERY_COMPLEXITY_MAX), "{}")).doesNotContainKey("errors");

        Map<String, Object> refused = admin.run(wide(AdminApi.QUERY_COMPLEXITY_MAX + 1), "{}");

        assertThat(code(refused)).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(firstError(refused).get("message").toString()).containsIgnoringCase("complexity");
    }

    @Test
    void shouldRefuseAQueryLongerThanItsLimitWithoutRunningIt() {
        String padding = " ".repeat(AdminApi.QUERY_LENGTH_MAX);
        String mutation = "mutation { createAsset(input: {code: \"USD\", scale: 2}) { success } }";

        Map<String, Object> refused = admin.run(mutation + padding, "{}");

        assertThat(code(refused)).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertThat(firstError(refused).get("message").toString()).contains("More than 100,000 characters");
        assertThat(admin.services.assets().page(null, null, null, null).items()).isEmpty();
    }

    @Test
    void shouldRefuseAQueryWithMoreTokensThanItsLimit() {
        Map<String, Object> refused = admin.run("{" + " f: __typename".repeat(AdminApi.QUERY_TOKENS_MAX / 3 + 1)
                + " }", "{}");

        assertThat(code(refused)).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertThat(firstError(refused).get("message").toString()).contains("More than 10,000 'grammar' tokens");
    }
}
