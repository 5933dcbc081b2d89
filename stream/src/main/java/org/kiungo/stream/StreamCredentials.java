package org.kiungo.stream;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.oer.OerReader;
import org.kiungo.codec.oer.OerWriter;
import org.kiungo.codec.stream.SpspResponse;
import org.kiungo.codec.stream.StreamCrypto;
import org.kiungo.codec.stream.StreamKeys;
import org.kiungo.codec.stream.StreamReceipt;

/**
 * Stateless STREAM connection credentials (RFC 29 §4.1), in the token format of ilp-protocol-stream's server, so
 * every replica holding the same {@code STREAM_SECRET} answers every connection and nothing is stored per connection.
 *
 * <p>Issuing: {@code plain = random(18) | VarOctetString(walletId) | VarOctetString(receiptNonce or empty) |
 * VarOctetString(receiptSecret or empty)}; {@code token = AES-256-GCM(serverSecret, plain)} in STREAM's
 * {@code nonce | tag | ciphertext} layout; the address is {@code <wallet address base>.<base64url(token)>}; the shared
 * secret is {@code HMAC-SHA256(HMAC-SHA256(serverSecret, "ilp_stream_shared_secret"), token)}. The receipt secret
 * travels encrypted, as RFC 29 §4.1 requires, and the wallet id is sealed so a token cannot be moved to another
 * wallet. Recovering reverses it: a token that does not decrypt under the server secret was not issued here.
 */
public final class StreamCredentials {
    public static final int SERVER_SECRET_LENGTH = 32;
    /** Random bytes at the start of every token: what makes each connection unique. */
    public static final int TOKEN_RANDOM_LENGTH = 18;
    /** The longest wallet id a token carries; ids are ILP address segment characters. */
    public static final int WALLET_ID_CHARS_MAX = 128;
    /** The longest token segment {@link #recover} tries to decode; longer ones were not issued here. */
    public static final int TOKEN_CHARS_MAX = 512;

    private static final byte[] SHARED_SECRET_LABEL = "ilp_stream_shared_secret".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Encrypts tokens with the server secret itself as the AES key, as ilp-protocol-stream does. */
    private final StreamKeys tokenKeys;
    private final byte[] sharedSecretKey;

    /** Takes the 32-byte server secret ({@code STREAM_SECRET}); the array is copied. */
    public StreamCredentials(byte[] serverSecret) {
        Objects.requireNonNull(serverSecret, "serverSecret");
        if (serverSecret.length != SERVER_SECRET_LENGTH) {
            throw new IllegalArgumentException("STREAM server secret must be " + SERVER_SECRET_LENGTH
                    + " bytes, not " + serverSecret.length);
        }
        // The fulfillment half of these keys is never used: only encrypt and decrypt are.
        this.tokenKeys = StreamKeys.fromDerivedKeys(serverSecret, serverSecret);
        this.sharedSecretKey = StreamCrypto.hmacSha256(serverSecret, SHARED_SECRET_LABEL);
    }

    /**
     * New credentials for one SPSP query: a fresh address under {@code addressBase} and its shared secret.
     *
     * @param addressBase the wallet's ILP address; the token is appended as one more segment
     * @param walletId the wallet the connection pays into, sealed in the token
     * @param receipts the verifier's receipt nonce and secret, or empty for no receipts
     */
    public SpspResponse issue(IlpAddress addressBase, String walletId, Optional<ReceiptSetup> receipts) {
        Objects.requireNonNull(addressBase, "addressBase");
        requireWalletId(walletId);
        byte[] random = new byte[TOKEN_RANDOM_LENGTH];
        RANDOM.nextBytes(random);
        OerWriter plain = new OerWriter().writeOctets(random)
                .writeVarOctetString(walletId.getBytes(StandardCharsets.US_ASCII))
                .writeVarOctetString(receipts.map(ReceiptSetup::nonce).orElse(new byte[0]))
                .writeVarOctetString(receipts.map(ReceiptSetup::secret).orElse(new byte[0]));
        byte[] token = tokenKeys.encrypt(plain.toByteArray());
        String address = addressBase.value() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        if (address.length() > IlpAddress.LENGTH_MAX) {
            throw new IllegalArgumentException("wallet address base is too long to carry a connection token: "
                    + addressBase);
        }
        return new SpspResponse(IlpAddress.of(address), sharedSecret(token), receipts.isPresent());
    }

    /**
     * The connection a Prepare's destination names, or empty when its last segment is not a token issued with this
     * server secret (forged, altered, or from another server).
     */
    public Optional<StreamConnection> recover(IlpAddress destination) {
        String value = destination.value();
        String segment = value.substring(value.lastIndexOf('.') + 1);
        if (segment.length() > TOKEN_CHARS_MAX) {
            return Optional.empty();
        }
        try {
            byte[] token = Base64.getUrlDecoder().decode(segment);
            OerReader plain = new OerReader(tokenKeys.decrypt(token));
            plain.readOctets(TOKEN_RANDOM_LENGTH, "token random bytes");
            String walletId = plain.readVarAscii("wallet id");
            byte[] nonce = plain.readVarOctetString("receipt nonce");
            byte[] secret = plain.readVarOctetString("receipt secret");
            // Whatever follows is ignored, as ilp-protocol-stream does, so later token versions still decode.
            if (!isWalletId(walletId) || !receiptFieldsValid(nonce, secret)) {
                return Optional.empty();
            }
            Optional<ReceiptSetup> receipts = nonce.length == 0 ? Optional.empty()
                    : Optional.of(new ReceiptSetup(nonce, secret));
            return Optional.of(new StreamConnection(connectionId(token), destination, walletId,
                    sharedSecret(token), receipts));
        } catch (IllegalArgumentException | DecodingException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code id} can be sealed in a token: 1 to 128 ILP address segment characters. */
    public static boolean isWalletId(String id) {
        if (id == null || id.isEmpty() || id.length() > WALLET_ID_CHARS_MAX) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '~' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static void requireWalletId(String id) {
        if (!isWalletId(id)) {
            throw new IllegalArgumentException("wallet id must be 1 to " + WALLET_ID_CHARS_MAX
                    + " characters of [A-Za-z0-9_~-]");
        }
    }

    private static boolean receiptFieldsValid(byte[] nonce, byte[] secret) {
        if (nonce.length == 0 && secret.length == 0) {
            return true;
        }
        return nonce.length == StreamReceipt.NONCE_LENGTH && secret.length == StreamReceipt.SECRET_LENGTH;
    }

    private byte[] sharedSecret(byte[] token) {
        return StreamCrypto.hmacSha256(sharedSecretKey, token);
    }

    /** Half of SHA-256 of the token: unique per connection, and reveals nothing the address does not. */
    private static String connectionId(byte[] token) {
        return HexFormat.of().formatHex(Arrays.copyOf(StreamCrypto.sha256(token), 16));
    }

    @Override
    public String toString() {
        return "StreamCredentials[redacted]";
    }
}
