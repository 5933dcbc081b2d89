package org.kiungo.peering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Appendix A's derivation with fixed keys. The expected values were computed independently, by Appendix A's own
 * JavaScript with tweetnacl 1.0.3 ({@code interop/js/webfinger-peering.js}); the interop module repeats the
 * comparison with random keys wherever {@code node} exists.
 */
class WebFingerSecretsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PRIVATE_A = HEX.parseHex(
            "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
    private static final byte[] PRIVATE_B = HEX.parseHex(
            "2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40");
    private static final String PUBLIC_A = "z3phLPN0y7XSSMVIsfGOnpc7Nsb3BEiH4wJGcsPxKBY";
    private static final String PUBLIC_B = "AtazQHytFnvaHEb8BnKV0-z3drUuE6YXhHqKBkpvLXI";
    private static final String SHARED = "e263b84342ecbff2e3ed3e441de389cbc412f8ffd4d047d6dfe36bb08d318908";

    private static byte[] base64url(String text) {
        return Base64.getUrlDecoder().decode(text);
    }

    @Test
    void shouldComputeX25519AsRfc7748Section61() {
        byte[] alicePrivate = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bobPublic = HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        byte[] basePoint = new byte[32];
        basePoint[0] = 9;

        assertThat(HEX.formatHex(WebFingerSecrets.scalarMult(alicePrivate, basePoint)))
                .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(HEX.formatHex(WebFingerSecrets.scalarMult(alicePrivate, bobPublic)))
                .isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    }

    @Test
    void shouldDeriveThePublicKeysTweetnaclDerives() {
        assertThat(WebFingerSecrets.publicKey(PRIVATE_A)).isEqualTo(base64url(PUBLIC_A));
        assertThat(WebFingerSecrets.publicKey(PRIVATE_B)).isEqualTo(base64url(PUBLIC_B));
    }

    @Test
    void shouldDeriveTheSameSecretPrefixAndTokenOnBothSides() {
        byte[] atA = WebFingerSecrets.sharedSecret(PRIVATE_A, base64url(PUBLIC_B));
        byte[] atB = WebFingerSecrets.sharedSecret(PRIVATE_B, base64url(PUBLIC_A));

        assertThat(HEX.formatHex(atA)).isEqualTo(SHARED);
        assertThat(atB).isEqualTo(atA);
        assertThat(WebFingerSecrets.ledgerPrefix(atA, WebFingerSecrets.ledgerCurrency("USD", 9)))
                .isEqualTo("peer.x9NTJ.usd.9.");
        assertThat(WebFingerSecrets.authToken(atA)).isEqualTo("ijcrpfg2NkzYKx2qdU7PhGXy3erQemFdkbhgqTooGEM");
    }

    @Test
    void shouldRefuseAPublicKeyOfSmallOrderOrWrongLength() {
        PeeringException zero = catchThrowableOfType(PeeringException.class,
                () -> WebFingerSecrets.sharedSecret(PRIVATE_A, new byte[32]));
        PeeringException shortKey = catchThrowableOfType(PeeringException.class,
                () -> WebFingerSecrets.sharedSecret(PRIVATE_A, new byte[31]));

        assertThat(zero.error()).isEqualTo(PeeringError.BAD_USER_INPUT);
        assertThat(zero).hasMessageStartingWith("the peer's public key is unusable for X25519");
        assertThat(shortKey).hasMessage("the peer's public key has 31 bytes, not 32");
    }

    @Test
    void shouldGenerateFreshPrivateValues() {
        assertThat(WebFingerSecrets.newPrivateValue()).hasSize(32).isNotEqualTo(WebFingerSecrets.newPrivateValue());
    }
}
