package org.kiungo.node;

/**
 * Every environment variable the node reads, with its default and meaning: the one list that both {@code --help}
 * and {@link Config} use, so the help cannot drift from what is read. Names are Rafiki's where Rafiki has one.
 */
public enum EnvironmentVariable {
    ILP_ADDRESS(null, "test.kiungo-<8 random hex digits>, generated once and kept in KIUNGO_DATA_DIR",
            "the node's static ILP address", Use.USED),
    ILP_CONNECTOR_URL(null, "http://127.0.0.1:<CONNECTOR_PORT>",
            "the URL where peers reach this node's connector, told to peers by auto-peering and WebFinger; peers in"
                    + " asynchronous ILP-over-HTTP mode POST their replies to it followed by /callback", Use.USED),
    INSTANCE_NAME("Kiungo", null, "the name peers know this node by", Use.USED),
    CONNECTOR_PORT("3002", null, "port of the ILP-over-HTTP endpoint (HTTP/1.1 and h2c); 0 picks a free port",
            Use.USED),
    ADMIN_PORT("3001", null, "port of the admin API and GET /healthz; 0 picks a free port", Use.USED),
    AUTO_PEERING_SERVER_PORT("3005", null, "port of the auto-peering server (POST /); 0 picks a free port",
            Use.USED),
    ENABLE_AUTO_PEERING("false", null, "true or false: accept auto-peering requests on AUTO_PEERING_SERVER_PORT",
            Use.USED),
    AUTO_PEERING_DEFAULT_LIQUIDITY("1000000", null, "credit line, in the asset's smallest unit, deposited for each"
            + " peer that auto-peering creates (never again on a repeated request); 0 to 9223372036854775807",
            Use.USED),
    AUTO_PEERING_ALLOWED_PREFIXES(null, "unset: any address", "comma-separated ILP addresses: only peers at or"
            + " below one of them may auto-peer", Use.USED),
    DATABASE_URL(null, "unset, the embedded ledger and store in KIUNGO_DATA_DIR",
            "PostgreSQL URL (postgres://, postgresql:// or jdbc:postgresql://; schema from its currentSchema option)"
                    + " holding the ledger, assets, peers, token hashes, withdrawals and idempotency records",
            Use.USED),
    REDIS_URL(null, "unset, in memory", "Redis URL (redis:// or rediss://) for state shared by replicas: STREAM"
            + " connection totals", Use.USED),
    WEBHOOK_URL(null, "unset: events are recorded, not sent",
            "http(s) URL that receives webhook events (liquidity thresholds crossed) as signed JSON POSTs", Use.USED),
    SIGNATURE_SECRET(null, "unset: webhook events unsigned", "secret that signs webhook events (header "
            + "Rafiki-Signature: t=<epoch seconds>, v1=<HMAC-SHA256 of \"<t>.<body>\">)", Use.USED),
    WEBHOOK_TIMEOUT("2000", null, "milliseconds a webhook request may take before it counts as failed and is "
            + "retried; 100 to 60000", Use.USED),
    EXCHANGE_RATES_URL(null, "unset", "http(s) URL of a rates service: GET <url>?base=USD returns"
            + " {\"base\":\"USD\",\"rates\":{\"EUR\":0.9}}; cached per base", Use.USED),
    EXCHANGE_RATES_LIFETIME_MS("15000", null, "how long rates from EXCHANGE_RATES_URL are fresh; stale ones serve"
            + " while one refresh runs, up to twice this age; 100 to 86400000", Use.USED),
    EXCHANGE_RATES_STATIC(null, "unset", "fixed exchange rates for a node without a rates service, as JSON in"
            + " the rates service's shape: {\"base\":\"USD\",\"rates\":{\"EUR\":0.9}}", Use.USED),
    EXCHANGE_RATES_SPREAD_BPS("0", null, "the connector's spread on conversions between assets, in basis points"
            + " (20 pays out 0.2 % less); 0 to 9999", Use.USED),
    API_SECRET(null, "unset: admin API on 127.0.0.1 only, unsigned",
            "secret that signs admin API requests (header signature: t=<ms>, v1=<HMAC-SHA256 of \"<t>.<body>\">);"
                    + " when set, the admin API listens on KIUNGO_BIND_HOST", Use.USED),
    STREAM_SECRET(null, "unset: generated once and kept in KIUNGO_DATA_DIR/stream-secret",
            "32 bytes in base64 from which STREAM shared secrets are derived; replicas must share one", Use.USED),
    SPSP_PORT("3003", null, "port of the SPSP endpoint of the node's wallet addresses (GET /alice with Accept:"
            + " application/spsp4+json); 0 picks a free port", Use.USED),
    CCP_BROADCAST_INTERVAL_MS("30000", null, "least milliseconds between two CCP route updates to one peer,"
            + " which aggregate the changes made meanwhile; 10 to 3600000", Use.USED),
    KIUNGO_DATA_DIR("./kiungo-data", "relative to the working directory",
            "directory of the node's data; one node at a time holds its lock", Use.USED),
    KIUNGO_BIND_HOST("127.0.0.1", null, "address the servers listen on; 0.0.0.0 for every interface", Use.USED),
    LOG_LEVEL("info", null, "trace, debug, info, warn or error", Use.USED);

    /** How far the node supports a variable yet: later issues move variables up this list. */
    public enum Use {
        /** Read and acted on. */
        USED,
        /** Validated, then logged as not used yet: it changes nothing so far. */
        NOT_YET,
        /** Refused when it asks for what does not exist yet, so the node never pretends to honour it. */
        REFUSED
    }

    private final String defaultValue;
    private final String defaultNote;
    private final String meaning;
    private final Use use;

    EnvironmentVariable(String defaultValue, String defaultNote, String meaning, Use use) {
        this.defaultValue = defaultValue;
        this.defaultNote = defaultNote;
        this.meaning = meaning;
        this.use = use;
    }

    /** The value used when the variable is unset, or null when the default is computed or absent. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The default as the help shows it. */
    public String defaultText() {
        if (defaultValue == null) {
            return defaultNote;
        }
        return defaultNote == null ? defaultValue : defaultValue + " (" + defaultNote + ")";
    }

    public String meaning() {
        return meaning;
    }

    public Use use() {
        return use;
    }

    /** True for variables whose value must never be shown: in logs, messages or {@code toString}. */
    public boolean isSecret() {
        return this == API_SECRET || this == STREAM_SECRET || this == SIGNATURE_SECRET;
    }
}
