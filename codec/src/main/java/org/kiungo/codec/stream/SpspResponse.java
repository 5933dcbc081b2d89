package org.kiungo.codec.stream;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * The body of an SPSP response (RFC 9, media type {@code application/spsp4+json}): where to send a STREAM payment
 * and the secret to send it with. {@code receipts_enabled} is not in RFC 9; Rafiki adds it to say whether the
 * receiver returns STREAM receipts, and it reads as false when absent.
 *
 * <p>The shared secret is written as standard base64 with padding, as RFC 9 specifies; {@link #parse} also accepts
 * the URL-safe alphabet and missing padding, which some servers send.
 *
 * @param destinationAccount the receiver's ILP address
 * @param sharedSecret the 32-byte STREAM shared secret; callers must not modify the array the accessor returns
 * @param receiptsEnabled whether the receiver sends STREAM receipts
 */
public record SpspResponse(IlpAddress destinationAccount, byte[] sharedSecret, boolean receiptsEnabled) {
    public static final String MEDIA_TYPE = "application/spsp4+json";
    /** The longest response body {@link #parse} reads; RFC 9's optional fields fit many times over. */
    public static final int JSON_CHARS_MAX = 65_536;
    /** How many members the response object may have, known and unknown. */
    public static final int MEMBERS_MAX = 256;

    /** Checks the secret's length, and copies it. */
    public SpspResponse {
        Objects.requireNonNull(destinationAccount, "destinationAccount");
        Objects.requireNonNull(sharedSecret, "sharedSecret");
        if (sharedSecret.length != StreamCrypto.KEY_LENGTH) {
            throw new IllegalArgumentException("shared secret must be 32 bytes, not " + sharedSecret.length);
        }
        sharedSecret = sharedSecret.clone();
    }

    /** The JSON body. Neither value needs escaping: both come from alphabets without quotes or backslashes. */
    public String toJson() {
        return "{\"destination_account\":\"" + destinationAccount + "\",\"shared_secret\":\""
                + Base64.getEncoder().encodeToString(sharedSecret) + "\",\"receipts_enabled\":" + receiptsEnabled
                + "}";
    }

    /**
     * Reads a response body. Unknown members, nested ones included, are skipped; a duplicated or mistyped known
     * member, a missing address or secret, or anything that is not one JSON object is a {@link DecodingException}.
     */
    public static SpspResponse parse(String json) throws DecodingException {
        if (json.length() > JSON_CHARS_MAX) {
            throw new DecodingException("SPSP response of " + json.length() + " chars exceeds " + JSON_CHARS_MAX);
        }
        JsonObjectReader reader = new JsonObjectReader(json);
        String destinationAccount = null;
        byte[] sharedSecret = null;
        Boolean receiptsEnabled = null;
        reader.beginObject();
        int members = 0;
        while (reader.nextMember()) {
            if (++members > MEMBERS_MAX) {
                throw new DecodingException("SPSP response has more than " + MEMBERS_MAX + " members");
            }
            String name = reader.readName();
            switch (name) {
                case "destination_account" -> destinationAccount = once(destinationAccount, reader.readString(), name);
                case "shared_secret" -> sharedSecret = once(sharedSecret, decodeSecret(reader.readString()), name);
                case "receipts_enabled" -> receiptsEnabled = once(receiptsEnabled, reader.readBoolean(), name);
                default -> reader.skipValue();
            }
        }
        reader.endDocument();
        if (destinationAccount == null || sharedSecret == null) {
            throw new DecodingException("SPSP response lacks destination_account or shared_secret");
        }
        String problem = IlpAddress.problem(destinationAccount);
        if (problem != null) {
            throw new DecodingException("SPSP destination_account: " + problem);
        }
        return new SpspResponse(IlpAddress.of(destinationAccount), sharedSecret, Boolean.TRUE.equals(receiptsEnabled));
    }

    private static byte[] decodeSecret(String text) throws DecodingException {
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        byte[] secret;
        try {
            // Java's decoders accept missing padding but insist on correct padding when it is present.
            secret = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            throw new DecodingException("SPSP shared_secret is not base64", e);
        }
        if (secret.length != StreamCrypto.KEY_LENGTH) {
            throw new DecodingException("SPSP shared_secret must be 32 bytes, not " + secret.length);
        }
        return secret;
    }

    private static <T> T once(T previous, T value, String name) throws DecodingException {
        if (previous != null) {
            throw new DecodingException("SPSP response repeats " + name);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpspResponse that && receiptsEnabled == that.receiptsEnabled
                && destinationAccount.equals(that.destinationAccount)
                && Arrays.equals(sharedSecret, that.sharedSecret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(destinationAccount, receiptsEnabled, Arrays.hashCode(sharedSecret));
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "SpspResponse[destinationAccount=" + destinationAccount + ", sharedSecret=redacted, receiptsEnabled="
                + receiptsEnabled + "]";
    }
}
