package org.kiungo.peering;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of WebFinger peering, step by step as Appendix A of the connector-to-connector draft writes it in
 * JavaScript. The private value {@code myPriv} is 32 bytes (step 1: an HMAC-SHA256 of fresh randomness); the
 * X25519 scalar is SHA-256 of it; the public key is that scalar times the base point; the shared secret is the
 * raw X25519 result with the peer's public key (as tweetnacl's {@code scalarMult} returns it). From it:
 * <ul>
 *   <li>{@code getToken(input)} = HMAC-SHA256 keyed by the shared secret over the ASCII {@code input};</li>
 *   <li>ledger prefix = {@code "peer." + base64(getToken("token")).substring(0, 5)} with {@code +/} made
 *   {@code -_}, then the ledger currency ({@code ".usd.9."});</li>
 *   <li>auth token = base64url of {@code getToken("authorization")}, without padding.</li>
 * </ul>
 * Both nodes compute the same shared secret, so the same prefix and token, and neither is ever sent.
 */
public final class WebFingerSecrets {
    /** Bytes of a private value, a public key and a shared secret. */
    public static final int KEY_BYTES = 32;
    private static final byte[] BASE_POINT = new byte[KEY_BYTES];
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        BASE_POINT[0] = 9;
    }

    private WebFingerSecrets() {
    }

    /** Step 1: {@code HMAC-SHA256(key = 33 random bytes, "CONNECTOR_ED25519")}. */
    public static byte[] newPrivateValue() {
        byte[] seed = new byte[33];
        RANDOM.nextBytes(seed);
        return hmac(seed, "CONNECTOR_ED25519");
    }

    /** {@code tweetnacl.scalarMult.base(sha256(myPriv))}. */
    public static byte[] publicKey(byte[] myPriv) {
        return scalarMult(sha256(myPriv), BASE_POINT);
    }

    /** {@code tweetnacl.scalarMult(sha256(myPriv), peerPub)}; refused for a key of small order. */
    public static byte[] sharedSecret(byte[] myPriv, byte[] peerPub) {
        if (peerPub.length != KEY_BYTES) {
            throw Inputs.bad("the peer's public key has " + peerPub.length + " bytes, not " + KEY_BYTES);
        }
        return scalarMult(sha256(myPriv), peerPub);
    }

    /** The ledger prefix of Appendix A, ending in {@code ledgerCurrency}. */
    public static String ledgerPrefix(byte[] sharedSecret, String ledgerCurrency) {
        String token = Base64.getEncoder().encodeToString(hmac(sharedSecret, "token"));
        return "peer." + token.substring(0, 5).replace('+', '-').replace('/', '_') + ledgerCurrency;
    }

    /** The auth token of Appendix A. */
    public static String authToken(byte[] sharedSecret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(sharedSecret, "authorization"));
    }

    /** Appendix A's {@code ledgerCurrency} for an asset: {@code ".usd.9."} for code USD and scale 9. */
    public static String ledgerCurrency(String code, int scale) {
        return "." + code.toLowerCase(Locale.ROOT) + "." + scale + ".";
    }

    static byte[] hmac(byte[] key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", e);
        }
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** X25519 (RFC 7748) of a 32-byte scalar and a 32-byte little-endian u-coordinate, top bit ignored. */
    static byte[] scalarMult(byte[] scalar, byte[] point) {
        byte[] bigEndian = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES; i++) {
            bigEndian[i] = point[KEY_BYTES - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        try {
            KeyFactory keys = KeyFactory.getInstance("XDH");
            PrivateKey privateKey = keys.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
            PublicKey publicKey = keys.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519,
                    new BigInteger(1, bigEndian)));
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(privateKey);
            agreement.doPhase(publicKey, true);
            return agreement.generateSecret();
        } catch (InvalidKeyException e) {
            throw Inputs.bad("the peer's public key is unusable for X25519 (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is missing from this JDK", e);
        }
    }
}
