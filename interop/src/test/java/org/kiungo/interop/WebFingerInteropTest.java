package org.kiungo.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.interop.JavaScriptCodec.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.kiungo.peering.WebFingerSecrets;

/**
 * WebFinger peering's derivation against an independent one: Appendix A of the connector-to-connector draft as
 * its own JavaScript writes it, with tweetnacl ({@code js/webfinger-peering.js}), for random key pairs. Both
 * sides of each pair must reach the prefix and token that Java derives.
 */
class WebFingerInteropTest extends JavaScriptInteropTest {
    private static final int CASES = 200;
    private static final String[] CURRENCIES = {".usd.9.", ".usd.2.", ".eur.0.", ".xrp.6."};

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static JsonNode derive(byte[] myPriv, byte[] peerPub, String currency) {
        return js.call(request("webfinger.derive").put("myPriv", HexFormat.of().formatHex(myPriv))
                .put("peerPub", base64url(peerPub)).put("ledgerCurrency", currency));
    }

    @Test
    void shouldDeriveThePublicKeysPrefixesAndTokensAppendixADerives() {
        for (int i = 0; i < CASES; i++) {
            byte[] privateA = WebFingerSecrets.newPrivateValue();
            byte[] privateB = WebFingerSecrets.newPrivateValue();
            byte[] publicA = WebFingerSecrets.publicKey(privateA);
            byte[] publicB = WebFingerSecrets.publicKey(privateB);
            String currency = CURRENCIES[i % CURRENCIES.length];
            byte[] shared = WebFingerSecrets.sharedSecret(privateA, publicB);
            String prefix = WebFingerSecrets.ledgerPrefix(shared, currency);
            String token = WebFingerSecrets.authToken(shared);

            JsonNode atA = derive(privateA, publicB, currency);
            JsonNode atB = derive(privateB, publicA, currency);

            String keys = "case " + i + ", private A " + HexFormat.of().formatHex(privateA);
            assertThat(atA.path("myPub").asText()).as(keys).isEqualTo(base64url(publicA));
            assertThat(atB.path("myPub").asText()).as(keys).isEqualTo(base64url(publicB));
            for (JsonNode side : new JsonNode[] {atA, atB}) {
                assertThat(side.path("ledgerPrefix").asText()).as(keys).isEqualTo(prefix);
                assertThat(side.path("authToken").asText()).as(keys).isEqualTo(token);
            }
        }
    }
}
