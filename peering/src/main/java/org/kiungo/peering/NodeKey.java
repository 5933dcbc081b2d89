package org.kiungo.peering;

import java.time.Clock;
import java.util.Base64;

/**
 * The node's WebFinger peering key: the private value of Appendix A, generated on first use and kept in the
 * peering store, so that it survives restarts and every replica sharing the store publishes the same public key.
 * {@link #toString()} shows only the public key.
 */
public final class NodeKey {
    static final String NAME = "webfinger-x25519";

    private final byte[] privateValue;
    private final byte[] publicKey;

    private NodeKey(byte[] privateValue) {
        if (privateValue.length != WebFingerSecrets.KEY_BYTES) {
            throw new IllegalStateException("the stored " + NAME + " key has " + privateValue.length + " bytes, not "
                    + WebFingerSecrets.KEY_BYTES);
        }
        this.privateValue = privateValue;
        this.publicKey = WebFingerSecrets.publicKey(privateValue);
    }

    /** The key in {@code store}, generated and stored first if there is none. */
    public static NodeKey loadOrCreate(PeeringStore store, Clock clock) {
        return new NodeKey(store.nodeKey(NAME).orElseGet(() -> store.insertNodeKeyIfAbsent(NAME,
                WebFingerSecrets.newPrivateValue(), clock.instant())));
    }

    /** The X25519 public key, 32 bytes. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key as the WebFinger record shows it: base64url without padding. */
    public String publicKeyText() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey);
    }

    /** The X25519 shared secret with {@code peerPublicKey}. */
    byte[] sharedSecret(byte[] peerPublicKey) {
        return WebFingerSecrets.sharedSecret(privateValue, peerPublicKey);
    }

    @Override
    public String toString() {
        return "NodeKey[publicKey=" + publicKeyText() + "]";
    }
}
