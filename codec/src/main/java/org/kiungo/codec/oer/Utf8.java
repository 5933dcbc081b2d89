package org.kiungo.codec.oer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.kiungo.codec.DecodingException;

/** Strict UTF-8: malformed input is a decoding error rather than silently replaced characters. */
final class Utf8 {
    private Utf8() {
    }

    static String decode(byte[] bytes, String what) throws DecodingException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DecodingException(what + " is not valid UTF-8", e);
        }
    }
}
