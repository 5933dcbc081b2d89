package org.kiungo.codec.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.codec.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.Vectors;

class StreamKeysTest {
    private static final JsonNode CRYPTO = Vectors.load("stream-crypto.json");
    private static final byte[] ZERO_KEY = new byte[32];

    /** One check per vector, by its name in stream-crypto.json; a vector without a check fails the test. */
    private static final Map<String, Executable> CHECKS = Map.of(
            "pskEncryptionKey from shared secret \"foo\"", () -> assertThat(hex(StreamCrypto.encryptionKey(
                    input("pskEncryptionKey", "sharedSecret_hex")))).isEqualTo(
                    expected("pskEncryptionKey", "key_hex")),
            "fulfillmentKey from shared secret \"foo\"", () -> assertThat(hex(StreamCrypto.fulfillmentKey(
                    input("fulfillmentKey from", "sharedSecret_hex")))).isEqualTo(
                    expected("fulfillmentKey from", "key_hex")),
            "fulfillment from fulfillmentKey = 32 zero bytes and data \"foo\"", () -> assertThat(hex(
                    StreamKeys.fromDerivedKeys(ZERO_KEY, input("fulfillment from fulfillmentKey", "fulfillmentKey_hex"))
                            .fulfillment(input("fulfillment from fulfillmentKey", "data_hex")))).isEqualTo(
                    expected("fulfillment from fulfillmentKey", "fulfillment_hex")),
            "condition of the all-zero fulfillment", () -> assertThat(hex(StreamCrypto.condition(
                    input("condition of", "fulfillment_hex")))).isEqualTo(expected("condition of", "condition_hex")),
            "decrypt known ciphertext with an already-derived key", () -> assertThat(hex(
                    StreamKeys.fromDerivedKeys(input("decrypt known", "key_hex"), ZERO_KEY)
                            .decrypt(input("decrypt known", "data_hex")))).isEqualTo(
                    expected("decrypt known", "plaintext_hex")),
            "interledger-rs: fulfillment from shared secret and data (same as JS)", () -> {
                StreamKeys keys = StreamKeys.fromSharedSecret(input("interledger-rs: fulfillment", "sharedSecret_hex"));
                byte[] data = input("interledger-rs: fulfillment", "data_hex");
                assertThat(hex(keys.fulfillment(data))).isEqualTo(
                        expected("interledger-rs: fulfillment", "fulfillment_hex"));
                assertThat(hex(keys.condition(data))).isEqualTo(
                        vector("interledger-rs: fulfillment").get("derived_values").get("condition_hex").asText());
            },
            "interledger-rs: encrypt with fixed nonce (same as JS)", () -> {
                String name = "interledger-rs: encrypt";
                byte[] nonce = input(name, "nonce_hex");
                StreamKeys keys = StreamKeys.fromSharedSecret(input(name, "sharedSecret_hex"))
                        .withNonceSource(n -> System.arraycopy(nonce, 0, n, 0, n.length));
                byte[] encrypted = keys.encrypt(input(name, "plaintext_hex"));
                assertThat(hex(encrypted)).isEqualTo(expected(name, "encrypted_hex"));
                assertThat(hex(keys.decrypt(encrypted))).isEqualTo(hex(input(name, "plaintext_hex")));
            },
            "STREAM packet that does not decrypt", () -> {
                byte[] data = input("STREAM packet that does not", "data_hex");
                byte[] secret = input("STREAM packet that does not", "sharedSecret_hex");
                assertThatThrownBy(() -> StreamKeys.fromSharedSecret(secret).decrypt(data))
                        .isInstanceOf(DecodingException.class);
                assertThatThrownBy(() -> StreamKeys.fromDerivedKeys(secret, secret).decrypt(data))
                        .isInstanceOf(DecodingException.class);
            });

    @TestFactory
    Stream<DynamicTest> shouldMatchEveryCryptoVector() {
        List<JsonNode> cases = Vectors.list(CRYPTO.get("cases"));
        assertThat(cases).hasSize(8);
        return cases.stream().map(v -> DynamicTest.dynamicTest(Vectors.name(v), () -> {
            Executable check = CHECKS.get(Vectors.name(v));
            assertThat(check).as("a check for this vector").isNotNull();
            check.execute();
        }));
    }

    @Test
    void shouldPutTheTagBeforeTheCiphertext() throws Exception {
        StreamKeys keys = StreamKeys.fromSharedSecret(ZERO_KEY).withNonceSource(n -> Arrays.fill(n, (byte) 7));
        byte[] plaintext = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] wire = keys.encrypt(plaintext);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(StreamCrypto.encryptionKey(ZERO_KEY), "AES"),
                new GCMParameterSpec(128, Arrays.copyOf(wire, 12)));
        byte[] javaOrder = cipher.doFinal(plaintext);
        assertThat(hex(wire)).isEqualTo("070707070707070707070707" + hex(javaOrder).substring(10) + hex(javaOrder)
                .substring(0, 10));
    }

    @Test
    void shouldRejectDataShorterThanTheOverheadOrLongerThanAnIlpDataField() {
        StreamKeys keys = StreamKeys.fromSharedSecret(ZERO_KEY);
        assertThatThrownBy(() -> keys.decrypt(new byte[27])).isInstanceOf(DecodingException.class);
        assertThatThrownBy(() -> keys.decrypt(new byte[StreamKeys.ENCRYPTED_BYTES_MAX + 1]))
                .isInstanceOf(DecodingException.class);
        assertThatThrownBy(() -> keys.encrypt(new byte[StreamKeys.PLAINTEXT_BYTES_MAX + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldEncryptAndDecryptAnEmptyAndAMaximalPacket() throws DecodingException {
        StreamKeys keys = StreamKeys.fromSharedSecret(ZERO_KEY);
        assertThat(keys.decrypt(keys.encrypt(new byte[0]))).isEmpty();
        byte[] max = new byte[StreamKeys.PLAINTEXT_BYTES_MAX];
        max[max.length - 1] = 9;
        byte[] wire = keys.encrypt(max);
        assertThat(wire).hasSize(StreamKeys.ENCRYPTED_BYTES_MAX);
        assertThat(keys.decrypt(wire)).isEqualTo(max);
    }

    @Test
    void shouldRejectAnyFlippedBit() throws DecodingException {
        StreamKeys keys = StreamKeys.fromSharedSecret(ZERO_KEY);
        byte[] wire = keys.encrypt(new byte[] {1, 2, 3});
        for (int i = 0; i < wire.length * 8; i++) {
            byte[] copy = wire.clone();
            copy[i / 8] ^= (byte) (1 << (i % 8));
            assertThatThrownBy(() -> keys.decrypt(copy)).isInstanceOf(DecodingException.class);
        }
        assertThat(keys.decrypt(wire)).containsExactly(1, 2, 3);
    }

    @Test
    void shouldUseAFreshRandomNonceEachTime() {
        StreamKeys keys = StreamKeys.fromSharedSecret(ZERO_KEY);
        Set<String> nonces = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200).parallel().forEach(i -> nonces.add(hex(keys.encrypt(new byte[1])).substring(0, 24)));
        assertThat(nonces).hasSize(200);
    }

    @Test
    void shouldGiveTheSameAnswersFromManyThreadsAtOnce() {
        StreamKeys keys = StreamKeys.fromSharedSecret(ZERO_KEY);
        byte[] data = new byte[] {4, 5, 6};
        String fulfillment = hex(keys.fulfillment(data));
        IntStream.range(0, 2_000).parallel().forEach(i -> {
            assertThat(hex(keys.fulfillment(data))).isEqualTo(fulfillment);
            try {
                assertThat(keys.decrypt(keys.encrypt(data))).isEqualTo(data);
            } catch (DecodingException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(hex(StreamCrypto.sha256(keys.fulfillment(data)))).isEqualTo(hex(keys.condition(data)));
    }

    @Test
    void shouldLetTheLargestStreamPacketFitAnIlpDataFieldOnceEncrypted() {
        assertThat(StreamKeys.PLAINTEXT_BYTES_MAX).isEqualTo(StreamPacket.ENCODED_BYTES_MAX);
    }

    @Test
    void shouldNotPrintKeys() {
        assertThat(StreamKeys.fromSharedSecret(ZERO_KEY).toString()).isEqualTo("StreamKeys[redacted]");
    }

    private static JsonNode vector(String namePrefix) {
        return Vectors.list(CRYPTO.get("cases")).stream().filter(v -> Vectors.name(v).startsWith(namePrefix))
                .findFirst().orElseThrow();
    }

    private static byte[] input(String namePrefix, String field) {
        return hex(vector(namePrefix).get("inputs").get(field).asText());
    }

    private static String expected(String namePrefix, String field) {
        return vector(namePrefix).get("expected").get(field).asText();
    }
}
