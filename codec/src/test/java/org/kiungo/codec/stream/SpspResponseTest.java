package org.kiungo.codec.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpAddress;

class SpspResponseTest {
    /** The example secret of RFC 9. */
    private static final String RFC_SECRET = "6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=";
    private static final byte[] SECRET = Base64.getDecoder().decode(RFC_SECRET);

    @Test
    void shouldWriteStandardPaddedBase64AsRfc9Specifies() {
        SpspResponse response = new SpspResponse(IlpAddress.of("example.ilpdemo.red.bob"), SECRET, true);
        assertThat(response.toJson()).isEqualTo("{\"destination_account\":\"example.ilpdemo.red.bob\","
                + "\"shared_secret\":\"" + RFC_SECRET + "\",\"receipts_enabled\":true}");
    }

    @Test
    void shouldParseWhatItWrites() throws DecodingException {
        SpspResponse response = new SpspResponse(IlpAddress.of("g.kiungo.alice~1"), SECRET, false);
        assertThat(SpspResponse.parse(response.toJson())).isEqualTo(response);
    }

    @Test
    void shouldParseTheRfcInvoiceExampleSkippingItsNestedObjects() throws DecodingException {
        String json = """
                {
                  "destination_account": "example.ilpdemo.red~invoice123",
                  "shared_secret": "6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=",
                  "balance": {"maximum": "-10000", "current": "-5360"},
                  "asset_info": {"code": "USD", "scale": 2},
                  "receiver_info": {"name": "XYZ Store", "image_url": "https://red.ilpdemo.org/logo.jpg"},
                  "list": [1, -0.5e+3, true, false, null, [], {}, "\\u00e9\\n"]
                }
                """;
        SpspResponse response = SpspResponse.parse(json);
        assertThat(response.destinationAccount().value()).isEqualTo("example.ilpdemo.red~invoice123");
        assertThat(response.sharedSecret()).isEqualTo(SECRET);
        assertThat(response.receiptsEnabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=",
        "6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs",
        "6jR5iNIVRvqeasJeCty6C-YB5X9FhSOUPCL_5nha5Vs=",
        "6jR5iNIVRvqeasJeCty6C-YB5X9FhSOUPCL_5nha5Vs",
    })
    void shouldAcceptStandardAndUrlSafeBase64WithOrWithoutPadding(String secret) throws DecodingException {
        String json = "{\"shared_secret\":\"" + secret + "\",\"destination_account\":\"g.x\","
                + "\"receipts_enabled\":true}";
        SpspResponse response = SpspResponse.parse(json);
        assertThat(response.sharedSecret()).isEqualTo(SECRET);
        assertThat(response.receiptsEnabled()).isTrue();
    }

    @Test
    void shouldReadEscapesInStrings() throws DecodingException {
        String json = "{\"destination_account\":\"g.\\u0061\\/b\\u002ec\",\"shared_secret\":\"" + RFC_SECRET + "\"}";
        assertThatThrownBy(() -> SpspResponse.parse(json)).isInstanceOf(DecodingException.class);
        String fine = "{\"destination_account\":\"g.\\u0061b\\u002ec\",\"shared_secret\":\"" + RFC_SECRET + "\"}";
        assertThat(SpspResponse.parse(fine).destinationAccount().value()).isEqualTo("g.ab.c");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "[]",
        "{}",
        "{\"destination_account\":\"g.x\"}",
        "{\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\"}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"AAAA\"}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL_5nha5Vs=\"}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs==\"}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\",}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\"} x",
        "{\"destination_account\":\"g.x\",\"destination_account\":\"g.y\","
                + "\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\"}",
        "{\"destination_account\":\"g..x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\"}",
        "{\"destination_account\":\"\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\"}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\","
                + "\"receipts_enabled\":\"true\"}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\","
                + "\"receipts_enabled\":null}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\","
                + "\"n\":01}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\","
                + "\"n\":1.}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\","
                + "\"n\":[1,]}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\","
                + "\"n\":\"\\x\"}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\","
                + "\"n\":\"tab\there\"}",
        "{\"destination_account\":\"g.x\" \"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\"}",
        "{'destination_account':'g.x'}",
        "{\"destination_account\":\"g.x\",\"shared_secret\":\"6jR5iNIVRvqeasJeCty6C+YB5X9FhSOUPCL/5nha5Vs=\","
                + "\"n\":\"\\u\uff10\uff10\uff14\uff11\"}",
    })
    void shouldRejectMalformedOrIncompleteResponses(String json) {
        assertThatThrownBy(() -> SpspResponse.parse(json)).isInstanceOf(DecodingException.class);
    }

    @Test
    void shouldRejectValuesNestedDeeperThanTheLimit() throws DecodingException {
        String head = "{\"destination_account\":\"g.x\",\"shared_secret\":\"" + RFC_SECRET + "\",\"n\":";
        int limit = JsonObjectReader.DEPTH_MAX;
        assertThat(SpspResponse.parse(head + "[".repeat(limit) + "]".repeat(limit) + "}")).isNotNull();
        assertThatThrownBy(() -> SpspResponse.parse(head + "[".repeat(limit + 1) + "]".repeat(limit + 1) + "}"))
                .isInstanceOf(DecodingException.class);
        assertThatThrownBy(() -> SpspResponse.parse(head + "[".repeat(100_000)))
                .isInstanceOf(DecodingException.class);
    }

    @Test
    void shouldRejectInputOverTheSizeLimit() {
        String padded = "{\"destination_account\":\"g.x\",\"shared_secret\":\"" + RFC_SECRET + "\"}"
                + " ".repeat(SpspResponse.JSON_CHARS_MAX);
        assertThatThrownBy(() -> SpspResponse.parse(padded)).isInstanceOf(DecodingException.class);
    }

    @Test
    void shouldRejectTooManyMembers() {
        StringBuilder json = new StringBuilder("{\"destination_account\":\"g.x\",\"shared_secret\":\"")
                .append(RFC_SECRET).append('"');
        for (int i = 0; i < SpspResponse.MEMBERS_MAX; i++) {
            json.append(",\"m").append(i).append("\":0");
        }
        assertThatThrownBy(() -> SpspResponse.parse(json + "}")).isInstanceOf(DecodingException.class);
    }

    @Test
    void shouldRefuseToBuildAResponseWithABadAddressOrSecret() {
        assertThatThrownBy(() -> new SpspResponse(null, SECRET, false)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SpspResponse(IlpAddress.of("g." + "a".repeat(1022)), SECRET, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpspResponse(IlpAddress.of("g.x"), new byte[31], false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNeverPrintTheSecret() {
        String text = new SpspResponse(IlpAddress.of("g.x"), SECRET, true).toString();
        assertThat(text).doesNotContain(RFC_SECRET).doesNotContain("6jR5").contains("redacted");
        SpspResponse response = new SpspResponse(IlpAddress.of("g.x"), SECRET, true);
        SpspResponse same = new SpspResponse(IlpAddress.of("g.x"), SECRET.clone(), true);
        assertThat(response).isEqualTo(same).hasSameHashCodeAs(same);
    }
}
