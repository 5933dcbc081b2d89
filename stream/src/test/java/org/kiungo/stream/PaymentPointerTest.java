package org.kiungo.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentPointerTest {
    @ParameterizedTest
    @CsvSource({
        "$wallet.example/alice, https://wallet.example/alice",
        "$wallet.example, https://wallet.example/.well-known/pay",
        "$wallet.example/, https://wallet.example/.well-known/pay",
        "$Wallet.Example/alice/pay, https://wallet.example/alice/pay",
    })
    void shouldResolveAPointerToItsHttpsUrl(String pointer, String url) {
        assertThat(PaymentPointer.parse(pointer).toUrl()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @CsvSource({
        "https://wallet.example/alice, $wallet.example/alice",
        "https://wallet.example/.well-known/pay, $wallet.example",
        "https://wallet.example, $wallet.example",
    })
    void shouldWriteAnHttpsUrlAsAPointer(String url, String pointer) {
        assertThat(PaymentPointer.fromUrl(url).toString()).isEqualTo(pointer);
    }

    @Test
    void shouldRoundTripBothWays() {
        PaymentPointer pointer = PaymentPointer.parse("$wallet.example/alice");

        assertThat(PaymentPointer.fromUrl(pointer.toUrl().toString())).isEqualTo(pointer);
        assertThat(PaymentPointer.parse(pointer.toString())).isEqualTo(pointer);
    }

    @ParameterizedTest
    @CsvSource({
        "wallet.example/alice, starts with $",
        "$wallet.example:8443/alice, port",
        "$user@wallet.example/alice, user",
        "$wallet.example/alice?x=1, query",
        "$wallet.example/alice#top, fragment",
        "$, no host",
        "$/alice, no host",
        "$wallet example/alice, not a valid payment pointer",
    })
    void shouldRefuseMalformedPointersSayingWhy(String pointer, String reason) {
        assertThatThrownBy(() -> PaymentPointer.parse(pointer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void shouldRefuseUrlsThatAreNotHttps() {
        assertThatThrownBy(() -> PaymentPointer.fromUrl("http://wallet.example/alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only https");
    }

    @Test
    void shouldRefuseOverlongPointers() {
        assertThatThrownBy(() -> PaymentPointer.parse("$wallet.example/" + "a".repeat(3_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
    }
}
