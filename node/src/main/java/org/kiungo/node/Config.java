package org.kiungo.node;

import static org.kiungo.node.EnvironmentVariable.ADMIN_PORT;
import static org.kiungo.node.EnvironmentVariable.API_SECRET;
import static org.kiungo.node.EnvironmentVariable.AUTO_PEERING_ALLOWED_PREFIXES;
import static org.kiungo.node.EnvironmentVariable.AUTO_PEERING_DEFAULT_LIQUIDITY;
import static org.kiungo.node.EnvironmentVariable.AUTO_PEERING_SERVER_PORT;
import static org.kiungo.node.EnvironmentVariable.CCP_BROADCAST_INTERVAL_MS;
import static org.kiungo.node.EnvironmentVariable.CONNECTOR_PORT;
import static org.kiungo.node.EnvironmentVariable.DATABASE_URL;
import static org.kiungo.node.EnvironmentVariable.ENABLE_AUTO_PEERING;
import static org.kiungo.node.EnvironmentVariable.EXCHANGE_RATES_URL;
import static org.kiungo.node.EnvironmentVariable.ILP_ADDRESS;
import static org.kiungo.node.EnvironmentVariable.ILP_CONNECTOR_URL;
import static org.kiungo.node.EnvironmentVariable.INSTANCE_NAME;
import static org.kiungo.node.EnvironmentVariable.KIUNGO_BIND_HOST;
import static org.kiungo.node.EnvironmentVariable.KIUNGO_DATA_DIR;
import static org.kiungo.node.EnvironmentVariable.LOG_LEVEL;
import static org.kiungo.node.EnvironmentVariable.REDIS_URL;
import static org.kiungo.node.EnvironmentVariable.SIGNATURE_SECRET;
import static org.kiungo.node.EnvironmentVariable.SPSP_PORT;
import static org.kiungo.node.EnvironmentVariable.STREAM_SECRET;
import static org.kiungo.node.EnvironmentVariable.WEBHOOK_TIMEOUT;
import static org.kiungo.node.EnvironmentVariable.WEBHOOK_URL;

import java.io.IOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.ledger.postgres.DatabaseUrl;

/**
 * The node's configuration: built once from environment variables and validated at start-up, so a bad value
 * stops the node with a clear message instead of surfacing later. Never changes after it is built.
 *
 * @param ccpBroadcastInterval the least time between two CCP route updates to one peer
 * @param exchangeRates where exchange rates come from (EXCHANGE_RATES_URL, EXCHANGE_RATES_STATIC) and the spread
 * @param autoPeering the credit line and the allowed addresses of auto-peering
 * @param notUsedYet the variables that were set but that the node does not act on yet, to be logged as such
 * @param signatureSecret signs webhook events (SIGNATURE_SECRET)
 * @param webhookTimeout how long one webhook request may take (WEBHOOK_TIMEOUT)
 * @param spspPort the port of the wallet addresses' SPSP endpoint
 */
public record Config(IlpAddress ilpAddress, URI ilpConnectorUrl, String instanceName, int connectorPort,
                     int adminPort, int autoPeeringServerPort, boolean enableAutoPeering, Optional<URI> databaseUrl,
                     Optional<URI> redisUrl, Optional<URI> webhookUrl, Optional<URI> exchangeRatesUrl,
                     Optional<Secret> apiSecret, Optional<Secret> streamSecret, Path dataDir, String bindHost,
                     String logLevel, Duration ccpBroadcastInterval, ExchangeRatesSettings exchangeRates,
                     List<EnvironmentVariable> notUsedYet,
                     Optional<Secret> signatureSecret, Duration webhookTimeout, AutoPeeringSettings autoPeering,
                     int spspPort) {
    public static final int INSTANCE_NAME_LENGTH_MAX = 200;
    public static final long CCP_BROADCAST_INTERVAL_MS_MIN = 10;
    public static final long CCP_BROADCAST_INTERVAL_MS_MAX = 3_600_000;
    public static final long WEBHOOK_TIMEOUT_MS_MIN = 100;
    public static final long WEBHOOK_TIMEOUT_MS_MAX = 60_000;
    public static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");

    private static final Set<String> DATABASE_SCHEMES = Set.of("postgres", "postgresql", "jdbc:postgresql");
    private static final Set<String> REDIS_SCHEMES = Set.of("redis", "rediss");
    /** Host names, IPv4 and IPv6 literals; anything stranger is a typo. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%\\-\\[\\]]+");

    public Config {
        notUsedYet = List.copyOf(notUsedYet);
    }

    /**
     * Reads and checks every variable in {@code environment}, reporting every problem at once. When
     * {@code ILP_ADDRESS} is unset, the address generated for the data directory is read from it, or generated and
     * written there (creating the directory) so that every later start uses the same one.
     */
    public static Config load(Map<String, String> environment) throws ConfigException {
        EnvironmentReader in = new EnvironmentReader(environment);
        Optional<IlpAddress> address = in.text(ILP_ADDRESS).flatMap(value -> address(in, value));
        int connectorPort = in.port(CONNECTOR_PORT);
        int adminPort = in.port(ADMIN_PORT);
        int autoPeeringServerPort = in.port(AUTO_PEERING_SERVER_PORT);
        int spspPort = in.port(SPSP_PORT);
        boolean enableAutoPeering = in.flag(ENABLE_AUTO_PEERING);
        URI connectorUrl = in.url(ILP_CONNECTOR_URL, EnvironmentReader.HTTP_SCHEMES, "http or https")
                .orElse(URI.create("http://127.0.0.1:" + connectorPort));
        Optional<URI> databaseUrl = in.url(DATABASE_URL, DATABASE_SCHEMES,
                "postgres://, postgresql:// or jdbc:postgresql:");
        databaseUrl.ifPresent(url -> checkDatabaseUrl(in, url));
        Optional<URI> redisUrl = in.url(REDIS_URL, REDIS_SCHEMES, "redis:// or rediss://");
        Optional<URI> webhookUrl = in.url(WEBHOOK_URL, EnvironmentReader.HTTP_SCHEMES, "http or https");
        Optional<URI> ratesUrl = in.url(EXCHANGE_RATES_URL, EnvironmentReader.HTTP_SCHEMES, "http or https");
        ExchangeRatesSettings exchangeRates = ExchangeRatesSettings.read(in, ratesUrl);
        AutoPeeringSettings autoPeering = autoPeering(in);
        requireDistinctPorts(in, connectorPort, adminPort, enableAutoPeering ? autoPeeringServerPort : 0, spspPort);
        in.secret(STREAM_SECRET).filter(secret -> StreamSecrets.decode(secret.reveal()) == null).ifPresent(secret ->
                in.problem("STREAM_SECRET must be 32 bytes in base64, such as the output of openssl rand -base64 32"));
        String instanceName = instanceName(in);
        Path dataDir = dataDir(in);
        String bindHost = in.textOrDefault(KIUNGO_BIND_HOST).strip();
        if (!HOST.matcher(bindHost).matches()) {
            in.problem(KIUNGO_BIND_HOST, "is not a host name or IP address", bindHost);
        }
        String logLevel = in.textOrDefault(LOG_LEVEL).strip().toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(logLevel)) {
            in.problem(LOG_LEVEL, "must be trace, debug, info, warn or error", in.textOrDefault(LOG_LEVEL));
        }
        Duration ccpBroadcastInterval = Duration.ofMillis(in.number(CCP_BROADCAST_INTERVAL_MS,
                CCP_BROADCAST_INTERVAL_MS_MIN, CCP_BROADCAST_INTERVAL_MS_MAX));
        Duration webhookTimeout = Duration.ofMillis(in.number(WEBHOOK_TIMEOUT, WEBHOOK_TIMEOUT_MS_MIN,
                WEBHOOK_TIMEOUT_MS_MAX));
        if (!in.problems().isEmpty()) {
            throw new ConfigException(in.problems());
        }
        IlpAddress ilpAddress = address.isPresent() ? address.get() : generatedAddress(dataDir);
        return new Config(ilpAddress, connectorUrl, instanceName, connectorPort, adminPort, autoPeeringServerPort,
                enableAutoPeering, databaseUrl, redisUrl, webhookUrl, ratesUrl, in.secret(API_SECRET),
                in.secret(STREAM_SECRET), dataDir, bindHost, logLevel, ccpBroadcastInterval, exchangeRates,
                notUsedYet(in), in.secret(SIGNATURE_SECRET), webhookTimeout, autoPeering, spspPort);
    }

    /** Shows every setting except secrets, and URLs without their user, password or query. */
    @Override
    public String toString() {
        return "Config[ilpAddress=" + ilpAddress + ", ilpConnectorUrl=" + shown(Optional.of(ilpConnectorUrl))
                + ", instanceName=" + instanceName + ", connectorPort=" + connectorPort + ", adminPort=" + adminPort
                + ", autoPeeringServerPort=" + autoPeeringServerPort + ", enableAutoPeering=" + enableAutoPeering
                + ", databaseUrl=" + shown(databaseUrl) + ", redisUrl=" + shown(redisUrl)
                + ", webhookUrl=" + shown(webhookUrl) + ", exchangeRatesUrl=" + shown(exchangeRatesUrl)
                + ", apiSecret=" + apiSecret.map(Secret::toString).orElse("unset")
                + ", streamSecret=" + streamSecret.map(Secret::toString).orElse("unset")
                + ", dataDir=" + dataDir + ", bindHost=" + bindHost + ", logLevel=" + logLevel
                + ", ccpBroadcastInterval=" + ccpBroadcastInterval + ", exchangeRates=" + exchangeRates.describe()
                + ", signatureSecret=" + signatureSecret.map(Secret::toString).orElse("unset")
                + ", webhookTimeout=" + webhookTimeout + ", autoPeering=" + autoPeering + ", spspPort=" + spspPort
                + "]";
    }

    private static Optional<IlpAddress> address(EnvironmentReader in, String value) {
        String problem = IlpAddress.problem(value);
        if (problem == null) {
            return Optional.of(IlpAddress.of(value));
        }
        in.problem(ILP_ADDRESS, "is not a valid ILP address", value, problem);
        return Optional.empty();
    }

    private static AutoPeeringSettings autoPeering(EnvironmentReader in) {
        long liquidity = in.number(AUTO_PEERING_DEFAULT_LIQUIDITY, 0, Long.MAX_VALUE);
        List<IlpAddress> prefixes = new ArrayList<>();
        for (String prefix : in.text(AUTO_PEERING_ALLOWED_PREFIXES).map(v -> v.split(",", -1))
                .orElse(new String[0])) {
            String problem = IlpAddress.problem(prefix.strip());
            if (problem == null) {
                prefixes.add(IlpAddress.of(prefix.strip()));
            } else {
                in.problem(AUTO_PEERING_ALLOWED_PREFIXES, "lists an invalid ILP address", prefix, problem);
            }
        }
        return new AutoPeeringSettings(liquidity, prefixes);
    }

    /** The node opens the database with {@link DatabaseUrl}: what it cannot read must stop the start here. */
    private static void checkDatabaseUrl(EnvironmentReader in, URI url) {
        try {
            DatabaseUrl.parse(url.toString());
        } catch (IllegalArgumentException e) {
            in.problem(e.getMessage());
        }
    }

    /** Port 0 asks for a free port, so only fixed ports can collide. */
    private static void requireDistinctPorts(EnvironmentReader in, int... ports) {
        EnvironmentVariable[] names = {CONNECTOR_PORT, ADMIN_PORT, AUTO_PEERING_SERVER_PORT, SPSP_PORT};
        for (int i = 0; i < ports.length; i++) {
            for (int j = i + 1; j < ports.length; j++) {
                if (ports[i] != 0 && ports[i] == ports[j]) {
                    in.problem(names[i] + " and " + names[j] + " are both " + ports[i]
                            + ": each server needs its own port");
                }
            }
        }
    }

    private static String instanceName(EnvironmentReader in) {
        String name = in.textOrDefault(INSTANCE_NAME);
        if (name.isBlank() || name.length() > INSTANCE_NAME_LENGTH_MAX
                || name.chars().anyMatch(Character::isISOControl)) {
            in.problem(INSTANCE_NAME, "must be 1 to " + INSTANCE_NAME_LENGTH_MAX
                    + " characters with no control characters", name.replaceAll("\\p{Cntrl}", "?"));
        }
        return name;
    }

    private static Path dataDir(EnvironmentReader in) {
        String value = in.textOrDefault(KIUNGO_DATA_DIR);
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            in.problem(KIUNGO_DATA_DIR, "is not a valid path (" + e.getReason() + ")",
                    value.replaceAll("\\p{Cntrl}", "?"));
            return Path.of("").toAbsolutePath();
        }
    }

    private static IlpAddress generatedAddress(Path dataDir) throws ConfigException {
        try {
            return DataDirectory.generatedAddress(dataDir);
        } catch (IOException e) {
            throw new ConfigException(List.of("ILP_ADDRESS is unset and the address generated for " + dataDir
                    + " cannot be kept there: " + e.getMessage()));
        }
    }

    private static List<EnvironmentVariable> notUsedYet(EnvironmentReader in) {
        return Arrays.stream(EnvironmentVariable.values())
                .filter(variable -> variable.use() == EnvironmentVariable.Use.NOT_YET && in.isSet(variable))
                .toList();
    }

    private static String shown(Optional<URI> url) {
        return url.map(u -> EnvironmentReader.redacted(u.toString())).orElse("unset");
    }
}
