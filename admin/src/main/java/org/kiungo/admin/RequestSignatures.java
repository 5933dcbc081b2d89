package org.kiungo.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code signature: t=<ms>, v1=<hex>} header of an admin request: {@code v1} is HMAC-SHA256 over
 * {@code "<t>.<body>"} with the API secret, {@code t} the signing time in epoch milliseconds. A signature is
 * accepted once, and only within {@link #TTL} of the clock's now (either side, for clock skew). Seen signatures are
 * kept until they expire, at most {@link #SEEN_SIGNATURES_MAX} of them: when full, new requests are refused until
 * old ones expire, because forgetting a live signature would let it be replayed.
 */
public final class RequestSignatures {
    /** The request header that carries the signature. */
    public static final String HEADER = "signature";
    /** How far a signature's time may be from now, before or after. */
    public static final Duration TTL = Duration.ofMinutes(5);
    /** Signatures remembered at once to refuse replays; more than this within {@link #TTL} are refused. */
    public static final int SEEN_SIGNATURES_MAX = 100_000;
    /** Longest header read; a well-formed one is under 100 characters. */
    public static final int HEADER_LENGTH_MAX = 200;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern FORMAT = Pattern.compile("t=([0-9]{1,15}),\\s*v1=([0-9a-fA-F]{64})");

    /** Why a request was refused; the message is short and never quotes the header. */
    public enum Refusal {
        MISSING("missing signature header"),
        MALFORMED("malformed signature header: expected t=<ms>, v1=<hex HMAC-SHA256>"),
        WRONG("wrong signature"),
        EXPIRED("signature time outside the allowed window"),
        REPLAYED("signature already used"),
        TOO_MANY("too many signed requests; retry later");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private record Seen(long timeMs, String digest) implements Comparable<Seen> {
        @Override
        public int compareTo(Seen other) {
            int byTime = Long.compare(timeMs, other.timeMs);
            return byTime != 0 ? byTime : digest.compareTo(other.digest);
        }
    }

    private final SecretKeySpec key;
    private final Clock clock;
    private final TreeSet<Seen> seen = new TreeSet<>();

    /** Checks signatures made with {@code secret}, against {@code clock}'s time. */
    public RequestSignatures(byte[] secret, Clock clock) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the API secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The header value that signs {@code body} at {@code timeMs}: for clients and tests. */
    public String sign(long timeMs, byte[] body) {
        return "t=" + timeMs + ", v1=" + HexFormat.of().formatHex(mac(timeMs, body));
    }

    /** Empty when {@code header} signs {@code body} and has not been seen; otherwise why it is refused. */
    public Optional<Refusal> check(String header, byte[] body) {
        return Optional.ofNullable(refusal(header, body));
    }

    private Refusal refusal(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Refusal.MISSING;
        }
        Matcher parts = header.length() <= HEADER_LENGTH_MAX ? FORMAT.matcher(header.strip()) : null;
        if (parts == null || !parts.matches()) {
            return Refusal.MALFORMED;
        }
        long timeMs = Long.parseLong(parts.group(1));
        byte[] given = HexFormat.of().parseHex(parts.group(2));
        if (!MessageDigest.isEqual(mac(timeMs, body), given)) {
            return Refusal.WRONG;
        }
        long nowMs = clock.millis();
        if (Math.abs(nowMs - timeMs) > TTL.toMillis()) {
            return Refusal.EXPIRED;
        }
        return remember(new Seen(timeMs, HexFormat.of().formatHex(given)), nowMs);
    }

    private synchronized Refusal remember(Seen signature, long nowMs) {
        seen.headSet(new Seen(nowMs - TTL.toMillis(), ""), false).clear();
        if (seen.contains(signature)) {
            return Refusal.REPLAYED;
        }
        if (seen.size() >= SEEN_SIGNATURES_MAX) {
            return Refusal.TOO_MANY;
        }
        seen.add(signature);
        return null;
    }

    private byte[] mac(long timeMs, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timeMs + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
