package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.IlpAddress;

class ConfigTest {
    /** 32 bytes in base64. */
    static final String STREAM_SECRET = "c3RyZWFtLXNlY3JldC1vZi0zMi1ieXRlcy1leGFjdGw=";
    @TempDir
    Path dataDir;

    @Test
    void shouldUseTheDefaultsWhenNothingIsSet() throws Exception {
        Config config = Config.load(Map.of());

        assertThat(config.ilpAddress().value()).matches("test\\.kiungo-[0-9a-f]{8}");
        assertThat(config.connectorPort()).isEqualTo(3002);
        assertThat(config.adminPort()).isEqualTo(3001);
        assertThat(config.autoPeeringServerPort()).isEqualTo(3005);
        assertThat(config.enableAutoPeering()).isFalse();
        assertThat(config.ilpConnectorUrl()).hasToString("http://127.0.0.1:3002");
        assertThat(config.instanceName()).isEqualTo("Kiungo");
        assertThat(config.dataDir()).isEqualTo(Path.of("kiungo-data").toAbsolutePath());
        assertThat(config.bindHost()).isEqualTo("127.0.0.1");
        assertThat(config.logLevel()).isEqualTo("info");
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.redisUrl()).isEmpty();
        assertThat(config.apiSecret()).isEmpty();
        assertThat(config.notUsedYet()).isEmpty();
    }

    @Test
    void shouldReadEveryVariable() throws Exception {
        Config config = Config.load(Map.ofEntries(Map.entry("ILP_ADDRESS", "g.kiungo.test"),
                Map.entry("ILP_CONNECTOR_URL", "https://ilp.example.com/ilp"), Map.entry("INSTANCE_NAME", "Mine"),
                Map.entry("CONNECTOR_PORT", "4002"), Map.entry("ADMIN_PORT", "4001"),
                Map.entry("AUTO_PEERING_SERVER_PORT", "4005"), Map.entry("ENABLE_AUTO_PEERING", "false"),
                Map.entry("WEBHOOK_URL", "http://hooks.example.com/"), Map.entry("EXCHANGE_RATES_URL",
                        "https://rates.example.com/rates"), Map.entry("API_SECRET", "api"),
                Map.entry("STREAM_SECRET", STREAM_SECRET), Map.entry("KIUNGO_DATA_DIR", dataDir.toString()),
                Map.entry("KIUNGO_BIND_HOST", "0.0.0.0"), Map.entry("LOG_LEVEL", "DEBUG"),
                Map.entry("SIGNATURE_SECRET", "hooks"), Map.entry("WEBHOOK_TIMEOUT", "500"),
                Map.entry("REDIS_URL", "redis://127.0.0.1:6379/0"), Map.entry("SPSP_PORT", "4003")));

        assertThat(config.ilpAddress().value()).isEqualTo("g.kiungo.test");
        assertThat(config.ilpConnectorUrl()).hasToString("https://ilp.example.com/ilp");
        assertThat(config.instanceName()).isEqualTo("Mine");
        assertThat(List.of(config.connectorPort(), config.adminPort(), config.autoPeeringServerPort()))
                .containsExactly(4002, 4001, 4005);
        assertThat(config.webhookUrl()).hasValueSatisfying(url -> assertThat(url).hasHost("hooks.example.com"));
        assertThat(config.apiSecret()).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("api"));
        assertThat(config.dataDir()).isEqualTo(dataDir);
        assertThat(config.streamSecret()).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo(STREAM_SECRET));
        assertThat(config.redisUrl()).hasValueSatisfying(url -> assertThat(url).hasPort(6379));
        assertThat(config.spspPort()).isEqualTo(4003);
        assertThat(config.bindHost()).isEqualTo("0.0.0.0");
        assertThat(config.logLevel()).isEqualTo("debug");
        assertThat(config.signatureSecret()).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("hooks"));
        assertThat(config.webhookTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.spspPort()).isEqualTo(4003);
        assertThat(config.notUsedYet()).isEmpty();
        assertThat(config.exchangeRates().url()).hasValueSatisfying(url -> assertThat(url)
                .hasHost("rates.example.com"));
    }

    @Test
    void shouldReadTheExchangeRatesSettingsWithTheirDefaults() throws Exception {
        ExchangeRatesSettings defaults = load(Map.of()).exchangeRates();
        assertThat(defaults.url()).isEmpty();
        assertThat(defaults.table()).isEmpty();
        assertThat(defaults.lifetime()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.spreadBps()).isZero();

        ExchangeRatesSettings set = load(Map.of("EXCHANGE_RATES_STATIC", "{\"base\":\"USD\",\"rates\":"
                + "{\"EUR\":0.9}}", "EXCHANGE_RATES_SPREAD_BPS", "9999", "EXCHANGE_RATES_LIFETIME_MS", "100"))
                .exchangeRates();
        assertThat(set.table().orElseThrow().rate("USD", "EUR")).isPresent();
        assertThat(set.spreadBps()).isEqualTo(9_999);
        assertThat(set.lifetime()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void shouldRefuseBadExchangeRatesSettingsSayingWhy() {
        assertThat(problems("EXCHANGE_RATES_SPREAD_BPS", "10000")).containsExactly(
                "EXCHANGE_RATES_SPREAD_BPS is not a whole number from 0 to 9999: \"10000\"");
        assertThat(problems("EXCHANGE_RATES_LIFETIME_MS", "99")).containsExactly(
                "EXCHANGE_RATES_LIFETIME_MS is not a whole number from 100 to 86400000: \"99\"");
        assertThat(problems("EXCHANGE_RATES_STATIC", "{\"base\":\"USD\",\"rates\":{\"EUR\":-1}}"))
                .containsExactly(
                "EXCHANGE_RATES_STATIC is not a rates table like {\"base\":\"USD\",\"rates\":{\"EUR\":0.9}}:"
                        + " the rate of EUR must be positive");
        assertThat(problems(Map.of("EXCHANGE_RATES_URL", "http://rates.example.com/", "EXCHANGE_RATES_STATIC",
                "{\"base\":\"USD\",\"rates\":{}}"))).containsExactly("EXCHANGE_RATES_URL and"
                + " EXCHANGE_RATES_STATIC are both set: the node takes its rates from one source; unset one of them");
    }

    @Test
    void shouldExplainAnInvalidIlpAddress() {
        assertThat(problems("ILP_ADDRESS", "g..x")).containsExactly(
                "ILP_ADDRESS is not a valid ILP address: \"g..x\" (ILP address has an empty segment)");
    }

    @Test
    void shouldReadTheCcpBroadcastIntervalAndRefuseOneOutOfRange() throws Exception {
        assertThat(load(Map.of()).ccpBroadcastInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(load(Map.of("CCP_BROADCAST_INTERVAL_MS", "250")).ccpBroadcastInterval())
                .isEqualTo(Duration.ofMillis(250));
        assertThat(problems("CCP_BROADCAST_INTERVAL_MS", "5")).containsExactly(
                "CCP_BROADCAST_INTERVAL_MS is not a whole number from 10 to 3600000: \"5\"");
        assertThat(problems("CCP_BROADCAST_INTERVAL_MS", "soon")).hasSize(1);
    }

    @Test
    void shouldReadTheWebhookTimeoutAndRefuseOneOutOfRange() throws Exception {
        assertThat(load(Map.of()).webhookTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(problems("WEBHOOK_TIMEOUT", "60001")).containsExactly(
                "WEBHOOK_TIMEOUT is not a whole number from 100 to 60000: \"60001\"");
    }

    @Test
    void shouldExplainEveryBadValue() {
        assertThat(problems("CONNECTOR_PORT", "70000")).containsExactly(
                "CONNECTOR_PORT is not a port number from 0 to 65535: \"70000\"");
        assertThat(problems("ADMIN_PORT", "web")).containsExactly(
                "ADMIN_PORT is not a port number from 0 to 65535: \"web\"");
        assertThat(problems("AUTO_PEERING_SERVER_PORT", "-1")).containsExactly(
                "AUTO_PEERING_SERVER_PORT is not a port number from 0 to 65535: \"-1\"");
        assertThat(problems("ENABLE_AUTO_PEERING", "yes")).containsExactly(
                "ENABLE_AUTO_PEERING must be true or false: \"yes\"");
        assertThat(problems("ILP_CONNECTOR_URL", "localhost:3002")).containsExactly(
                "ILP_CONNECTOR_URL is not an absolute http or https URL: \"localhost:3002\"");
        assertThat(problems("WEBHOOK_URL", "ftp://hooks.example.com")).containsExactly(
                "WEBHOOK_URL is not an absolute http or https URL: \"ftp://hooks.example.com\"");
        assertThat(problems("EXCHANGE_RATES_URL", "/rates")).containsExactly(
                "EXCHANGE_RATES_URL is not an absolute http or https URL: \"/rates\"");
        assertThat(problems("LOG_LEVEL", "loud")).containsExactly(
                "LOG_LEVEL must be trace, debug, info, warn or error: \"loud\"");
        assertThat(problems("KIUNGO_BIND_HOST", "local host")).containsExactly(
                "KIUNGO_BIND_HOST is not a host name or IP address: \"local host\"");
        assertThat(problems("INSTANCE_NAME", "x".repeat(Config.INSTANCE_NAME_LENGTH_MAX + 1))).hasSize(1)
                .first().asString().startsWith("INSTANCE_NAME must be 1 to 200 characters");
        assertThat(problems("KIUNGO_DATA_DIR", "bad\0dir")).hasSize(1)
                .first().asString().startsWith("KIUNGO_DATA_DIR is not a valid path");
    }

    @Test
    void shouldRefuseTwoServersOnOnePort() {
        assertThat(problems(Map.of("CONNECTOR_PORT", "4000", "ADMIN_PORT", "4000"))).containsExactly(
                "CONNECTOR_PORT and ADMIN_PORT are both 4000: each server needs its own port");
    }

    @Test
    void shouldLetSeveralServersAskForAFreePort() throws Exception {
        Config config = load(Map.of("CONNECTOR_PORT", "0", "ADMIN_PORT", "0"));

        assertThat(config.connectorPort()).isZero();
        assertThat(config.adminPort()).isZero();
    }

    @Test
    void shouldTakeAPostgresDatabaseUrlInEachForm() throws Exception {
        for (String url : List.of("postgresql://kiungo:pw@localhost:5432/kiungo", "postgres://db/kiungo",
                "jdbc:postgresql://localhost/kiungo?user=kiungo&currentSchema=node1")) {
            assertThat(load(Map.of("DATABASE_URL", url)).databaseUrl()).hasValue(URI.create(url));
        }
        assertThat(load(Map.of()).databaseUrl()).isEmpty();
    }

    @Test
    void shouldRefuseADatabaseUrlTheDriverCannotBeGiven() {
        assertThat(problems("DATABASE_URL", "jdbc:postgresql:kiungo")).singleElement().asString()
                .startsWith("DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql://");
        assertThat(problems("DATABASE_URL", "mysql://db/kiungo")).singleElement().asString()
                .startsWith("DATABASE_URL is not an absolute postgres://");
    }

    @Test
    void shouldReadTheAutoPeeringSettings() throws Exception {
        Config config = Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "ENABLE_AUTO_PEERING", "true",
                "AUTO_PEERING_DEFAULT_LIQUIDITY", "250", "AUTO_PEERING_ALLOWED_PREFIXES", "g.friend, test.other"));

        assertThat(config.enableAutoPeering()).isTrue();
        assertThat(config.autoPeering().defaultLiquidity()).isEqualTo(250);
        assertThat(config.autoPeering().allowedPrefixes()).extracting(IlpAddress::value)
                .containsExactly("g.friend", "test.other");
    }

    @Test
    void shouldGrantAFiniteDefaultCreditLineToAnyAddressByDefault() throws Exception {
        Config config = Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString()));

        assertThat(config.autoPeering().defaultLiquidity()).isEqualTo(1_000_000);
        assertThat(config.autoPeering().allowedPrefixes()).isEmpty();
    }

    @Test
    void shouldRefuseBadAutoPeeringSettings() {
        assertThat(problems("AUTO_PEERING_DEFAULT_LIQUIDITY", "-5")).containsExactly(
                "AUTO_PEERING_DEFAULT_LIQUIDITY is not a whole number from 0 to 9223372036854775807: \"-5\"");
        assertThat(problems("AUTO_PEERING_ALLOWED_PREFIXES", "g.ok,g..bad")).containsExactly(
                "AUTO_PEERING_ALLOWED_PREFIXES lists an invalid ILP address: \"g..bad\" "
                        + "(ILP address has an empty segment)");
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        List<String> problems = problems(Map.of("ILP_ADDRESS", "nope", "CONNECTOR_PORT", "x",
                "ENABLE_AUTO_PEERING", "maybe", "LOG_LEVEL", "loud", "REDIS_URL", "http://cache"));

        assertThat(problems).hasSize(5);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("ILP_ADDRESS"))
                .anySatisfy(p -> assertThat(p).startsWith("CONNECTOR_PORT"))
                .anySatisfy(p -> assertThat(p).startsWith("ENABLE_AUTO_PEERING"))
                .anySatisfy(p -> assertThat(p).startsWith("LOG_LEVEL"))
                .anySatisfy(p -> assertThat(p).startsWith("REDIS_URL is not an absolute"));
    }

    @Test
    void shouldNeverShowSecretsInToString() throws Exception {
        Config config = load(Map.of("API_SECRET", "api-secret-value", "STREAM_SECRET", STREAM_SECRET,
                "WEBHOOK_URL", "https://user:hook-password@hooks.example.com/h?key=query-secret",
                "SIGNATURE_SECRET", "signature-secret-value"));

        assertThat(config.toString()).doesNotContain("api-secret-value", STREAM_SECRET, "hook-password",
                "query-secret", "user:", "signature-secret-value").contains("hooks.example.com", "apiSecret=(secret)");
    }

    @Test
    void shouldRefuseAStreamSecretThatIsNot32BytesWithoutQuotingItAndASharedSpspPort() {
        assertThat(problems("STREAM_SECRET", "stream-secret-value")).singleElement().asString()
                .startsWith("STREAM_SECRET must be 32 bytes in base64").doesNotContain("stream-secret-value");
        assertThat(problems(Map.of("SPSP_PORT", "4000", "ADMIN_PORT", "4000"))).containsExactly(
                "ADMIN_PORT and SPSP_PORT are both 4000: each server needs its own port");
    }

    @Test
    void shouldNeverQuoteAPasswordInAProblem() {
        List<String> problems = problems(Map.of("DATABASE_URL", "mysql://kiungo:db-password@db/kiungo",
                "REDIS_URL", "redis://:redis-password@cache:6379", "WEBHOOK_URL", "ftp://u:hook-password@x/",
                "API_SECRET", "api-secret-value"));

        assertThat(String.join("\n", problems))
                .doesNotContain("db-password", "redis-password", "hook-password", "api-secret-value");
    }

    @Test
    void shouldKeepTheGeneratedAddressAcrossLoads() throws Exception {
        Config first = load(Map.of());
        Config second = load(Map.of());

        assertThat(second.ilpAddress()).isEqualTo(first.ilpAddress());
        assertThat(Files.readString(dataDir.resolve(DataDirectory.ADDRESS_FILE)).strip())
                .isEqualTo(first.ilpAddress().value());
    }

    @Test
    void shouldGenerateADifferentAddressForAnotherDataDirectory(@TempDir Path otherDir) throws Exception {
        Config first = load(Map.of());
        Config other = Config.load(Map.of("KIUNGO_DATA_DIR", otherDir.toString()));

        assertThat(other.ilpAddress()).isNotEqualTo(first.ilpAddress());
    }

    @Test
    void shouldPreferAConfiguredAddressAndWriteNothing() throws Exception {
        load(Map.of("ILP_ADDRESS", "g.configured"));

        assertThat(dataDir.resolve(DataDirectory.ADDRESS_FILE)).doesNotExist();
    }

    @Test
    void shouldTreatAnEmptyValueAsUnset() throws Exception {
        assertThat(load(Map.of("CONNECTOR_PORT", "", "INSTANCE_NAME", "")).connectorPort()).isEqualTo(3002);
    }

    private Config load(Map<String, String> environment) throws ConfigException {
        Map<String, String> withDataDir = new HashMap<>(environment);
        withDataDir.putIfAbsent("KIUNGO_DATA_DIR", dataDir.toString());
        return Config.load(withDataDir);
    }

    private List<String> problems(String name, String value) {
        return problems(Map.of(name, value));
    }

    private List<String> problems(Map<String, String> environment) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(environment));
        assertThat(e).as("a ConfigException").isNotNull();
        return e.problems();
    }
}
