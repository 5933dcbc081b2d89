package org.kiungo.peering;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh bearer tokens for peers set up by a protocol rather than by an operator. */
final class PeerTokens {
    /** 256 bits: as hard to guess as the SHA-256 hash we keep of it. */
    static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PeerTokens() {
    }

    /** 43 base64url characters, valid as an ILP-over-HTTP bearer token. */
    static String random() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
