package org.kiungo.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.kiungo.stream.StreamCredentials;

/**
 * The STREAM server secret: {@code STREAM_SECRET} when set (32 bytes in base64, as Rafiki takes it), otherwise one
 * generated on the first start and kept in the data directory, readable by its owner only, so connections issued
 * before a restart are still answered after it. Replicas must share one secret, so they set {@code STREAM_SECRET}.
 */
final class StreamSecrets {
    /** The file in the data directory that keeps a generated secret, in base64. */
    static final String FILE = "stream-secret";

    private StreamSecrets() {
    }

    /** The 32 bytes of {@code value}, or null when it is not 32 bytes in standard or URL-safe base64. */
    static byte[] decode(String value) {
        String text = value.strip();
        try {
            boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
            byte[] bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
            return bytes.length == StreamCredentials.SERVER_SECRET_LENGTH ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The configured secret, or the one kept in {@code dataDir}, generated there when missing. */
    static byte[] load(Optional<Secret> configured, Path dataDir) throws NodeStartException {
        if (configured.isPresent()) {
            byte[] secret = decode(configured.get().reveal());
            if (secret == null) {
                throw new NodeStartException("STREAM_SECRET must be " + StreamCredentials.SERVER_SECRET_LENGTH
                        + " bytes in base64");
            }
            return secret;
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            byte[] secret = decode(Files.readString(file, StandardCharsets.US_ASCII));
            if (secret == null) {
                throw new NodeStartException(file + " does not hold a STREAM secret of "
                        + StreamCredentials.SERVER_SECRET_LENGTH + " bytes in base64");
            }
            return secret;
        } catch (IOException e) {
            throw new NodeStartException("cannot keep the generated STREAM secret in " + file + ": " + e.getMessage());
        }
    }

    /** Writes a new secret to a temporary file, owner-only, then renames it, so a crash never leaves half of one. */
    private static void generate(Path file) throws IOException {
        byte[] secret = new byte[StreamCredentials.SERVER_SECRET_LENGTH];
        new SecureRandom().nextBytes(secret);
        Path temporary = Files.createTempFile(file.getParent(), FILE, ".tmp");
        try {
            if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(secret) + "\n",
                    StandardCharsets.US_ASCII);
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            // Another start wrote it first: that one is read.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
