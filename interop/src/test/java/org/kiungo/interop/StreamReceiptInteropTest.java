package org.kiungo.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.interop.CrossCheck.bytes;
import static org.kiungo.interop.CrossCheck.hex;
import static org.kiungo.interop.JavaScriptCodec.JSON;
import static org.kiungo.interop.JavaScriptCodec.request;

import org.junit.jupiter.api.Test;
import org.kiungo.codec.stream.StreamReceipt;

/** STREAM receipts (RFC 39): what one implementation signs, the other verifies with the same secret. */
class StreamReceiptInteropTest extends JavaScriptInteropTest {
    private static final int CASES = 500;

    @Test
    void shouldLetJavaScriptVerifyEveryReceiptJavaCreates() {
        CrossCheck.javaToJavaScript(js, RandomValues.forTest("receipt java to js"), CASES, Signed::random,
                s -> request("receipt.verify").put("secret", hex(s.secret)).put("hex", hex(s.receipt.encode())),
                s -> JSON.createObjectNode().put("version", StreamReceipt.VERSION).put("nonce", hex(s.receipt.nonce()))
                        .put("streamId", Integer.toString(s.receipt.streamId()))
                        .put("totalReceived", Long.toUnsignedString(s.receipt.totalReceived()))
                        .put("hmac", hex(s.receipt.hmac())));
    }

    @Test
    void shouldLetJavaScriptRefuseEveryReceiptUnderAnotherSecret() {
        RandomValues random = RandomValues.forTest("receipt wrong secret");
        for (int i = 0; i < CASES / 5; i++) {
            StreamReceipt receipt = Signed.random(random).receipt;
            byte[] otherSecret = random.bytes(StreamReceipt.SECRET_LENGTH);
            assertThat(js.error(request("receipt.verify").put("secret", hex(otherSecret))
                    .put("hex", hex(receipt.encode())))).as("case %d (%s)", i, random).contains("invalid hmac");
            assertThat(receipt.verify(otherSecret)).isFalse();
        }
    }

    @Test
    void shouldVerifyEveryReceiptJavaScriptCreatesAndSignTheSameBytes() {
        CrossCheck.javaScriptToJava(js, RandomValues.forTest("receipt js to java"), CASES, Signed::random,
                s -> request("receipt.create").put("secret", hex(s.secret)).put("nonce", hex(s.receipt.nonce()))
                        .put("streamId", s.receipt.streamId())
                        .put("totalReceived", Long.toUnsignedString(s.receipt.totalReceived())),
                (s, answer) -> {
                    StreamReceipt decoded = StreamReceipt.decode(bytes(answer));
                    assertThat(decoded.verify(s.secret)).isTrue();
                    assertThat(decoded).isEqualTo(s.receipt);
                });
    }

    /** A receipt and the secret it was signed with. */
    private record Signed(byte[] secret, StreamReceipt receipt) {
        static Signed random(RandomValues random) {
            byte[] secret = random.bytes(StreamReceipt.SECRET_LENGTH);
            return new Signed(secret, StreamReceipt.create(secret, random.bytes(StreamReceipt.NONCE_LENGTH),
                    random.between(0, StreamReceipt.STREAM_ID_MAX), random.uint64()));
        }

        @Override
        public String toString() {
            return receipt.toString();
        }
    }
}
