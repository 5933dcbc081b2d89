package org.kiungo.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.stream.SpspResponse;

class StreamCredentialsTest {
    static final byte[] SERVER_SECRET = filled(32, 7);
    static final IlpAddress BASE = IlpAddress.of("test.kiungo.alice");

    private final StreamCredentials credentials = new StreamCredentials(SERVER_SECRET);

    @Test
    void shouldRecoverTheSharedSecretAndWalletFromTheAddressAlone() {
        SpspResponse issued = credentials.issue(BASE, "alice", Optional.empty());

        StreamConnection connection = new StreamCredentials(SERVER_SECRET.clone())
                .recover(issued.destinationAccount()).orElseThrow();

        assertThat(connection.sharedSecret()).isEqualTo(issued.sharedSecret());
        assertThat(connection.walletId()).isEqualTo("alice");
        assertThat(connection.receipts()).isEmpty();
        assertThat(connection.destination()).isEqualTo(issued.destinationAccount());
        assertThat(issued.receiptsEnabled()).isFalse();
    }

    @Test
    void shouldPutOneBase64UrlTokenSegmentAfterTheWalletAddress() {
        String address = credentials.issue(BASE, "alice", Optional.empty()).destinationAccount().value();

        assertThat(address).startsWith("test.kiungo.alice.");
        String token = address.substring("test.kiungo.alice.".length());
        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void shouldDeriveTheSecretAsIlpProtocolStreamDoesFromTheEncryptedToken() throws Exception {
        SpspResponse issued = credentials.issue(BASE, "alice", Optional.empty());
        String address = issued.destinationAccount().value();
        byte[] token = Base64.getUrlDecoder().decode(address.substring(address.lastIndexOf('.') + 1));

        byte[] keygen = hmac(SERVER_SECRET, "ilp_stream_shared_secret".getBytes(StandardCharsets.US_ASCII));
        assertThat(issued.sharedSecret()).isEqualTo(hmac(keygen, token));

        byte[] plain = aesGcmDecryptTagFirst(SERVER_SECRET, token);
        assertThat(plain).hasSize(18 + 1 + 5 + 1 + 1);
        assertThat(Arrays.copyOfRange(plain, 18, plain.length))
                .isEqualTo(new byte[] {5, 'a', 'l', 'i', 'c', 'e', 0, 0});
    }

    @Test
    void shouldCarryTheReceiptNonceAndSecretEncryptedInTheToken() {
        ReceiptSetup receipts = new ReceiptSetup(filled(16, 1), filled(32, 2));
        SpspResponse issued = credentials.issue(BASE, "alice", Optional.of(receipts));

        StreamConnection connection = credentials.recover(issued.destinationAccount()).orElseThrow();

        assertThat(issued.receiptsEnabled()).isTrue();
        assertThat(connection.receipts()).contains(receipts);
        assertThat(issued.destinationAccount().value()).doesNotContain(
                Base64.getUrlEncoder().withoutPadding().encodeToString(filled(32, 2)));
    }

    @Test
    void shouldGiveEveryQueryItsOwnAddressSecretAndConnectionId() {
        SpspResponse first = credentials.issue(BASE, "alice", Optional.empty());
        SpspResponse second = credentials.issue(BASE, "alice", Optional.empty());

        assertThat(first.destinationAccount()).isNotEqualTo(second.destinationAccount());
        assertThat(first.sharedSecret()).isNotEqualTo(second.sharedSecret());
        assertThat(credentials.recover(first.destinationAccount()).orElseThrow().connectionId())
                .isNotEqualTo(credentials.recover(second.destinationAccount()).orElseThrow().connectionId());
    }

    @Test
    void shouldNotRecoverATokenIssuedUnderAnotherServerSecret() {
        SpspResponse issued = new StreamCredentials(filled(32, 8)).issue(BASE, "alice", Optional.empty());

        assertThat(credentials.recover(issued.destinationAccount())).isEmpty();
    }

    @Test
    void shouldNotRecoverAnAlteredToken() {
        String address = credentials.issue(BASE, "alice", Optional.empty()).destinationAccount().value();
        char last = address.charAt(address.length() - 1);
        String altered = address.substring(0, address.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(credentials.recover(IlpAddress.of(altered))).isEmpty();
    }

    @Test
    void shouldNotRecoverSegmentsThatAreNotBase64UrlOrAreTooLong() {
        assertThat(credentials.recover(IlpAddress.of("test.kiungo.alice.not~base64"))).isEmpty();
        assertThat(credentials.recover(IlpAddress.of("test.kiungo.alice"))).isEmpty();
        assertThat(credentials.recover(IlpAddress.of("test.a." + "A".repeat(600)))).isEmpty();
    }

    @Test
    void shouldRefuseAServerSecretThatIsNot32Bytes() {
        assertThatThrownBy(() -> new StreamCredentials(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void shouldRefuseWalletIdsThatAreNotAddressSegmentCharacters() {
        assertThatThrownBy(() -> credentials.issue(BASE, "al ice", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wallet id");
        assertThatThrownBy(() -> credentials.issue(BASE, "", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> credentials.issue(BASE, "a".repeat(129), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseABaseTooLongToCarryAToken() {
        IlpAddress longBase = IlpAddress.of("test." + "a".repeat(990));

        assertThatThrownBy(() -> credentials.issue(longBase, "alice", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }

    @Test
    void shouldNeverShowSecretsInToString() {
        StreamConnection connection = credentials.recover(credentials.issue(BASE, "alice",
                Optional.of(new ReceiptSetup(filled(16, 1), filled(32, 2)))).destinationAccount()).orElseThrow();

        assertThat(connection.toString()).doesNotContain(Arrays.toString(connection.sharedSecret()))
                .contains("alice");
        assertThat(credentials.toString()).contains("redacted");
        assertThat(connection.receipts().orElseThrow().toString()).isEqualTo("ReceiptSetup[redacted]");
    }

    @Property(tries = 200)
    void anyWalletIdRoundTrips(@ForAll @StringLength(min = 1, max = 128) @CharRange(from = 'a', to = 'z')
                               @Chars({'_', '~', '-', '0', '9', 'Z'}) String walletId) {
        SpspResponse issued = credentials.issue(BASE, walletId, Optional.empty());

        assertThat(credentials.recover(issued.destinationAccount()).orElseThrow().walletId()).isEqualTo(walletId);
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    /** An independent decryption of STREAM's {@code nonce | tag | ciphertext} layout. */
    private static byte[] aesGcmDecryptTagFirst(byte[] key, byte[] data) throws Exception {
        byte[] javaLayout = new byte[data.length - 12];
        System.arraycopy(data, 28, javaLayout, 0, data.length - 28);
        System.arraycopy(data, 12, javaLayout, data.length - 28, 16);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, Arrays.copyOf(data, 12)));
        return cipher.doFinal(javaLayout);
    }
}
