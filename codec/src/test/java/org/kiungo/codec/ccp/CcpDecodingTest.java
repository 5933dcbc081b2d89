package org.kiungo.codec.ccp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.codec.Vectors.hex;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.oer.OerWriter;

class CcpDecodingTest {
    private static final UUID TABLE = UUID.fromString("21e55f8e-abcd-4e97-9ab9-bf0ff00a224c");
    private static final IlpAddress ALICE = IlpAddress.of("example.alice");

    @Test
    void shouldRejectRouteUpdateWithTruncatedPath() {
        Route route = new Route(IlpAddress.of("example.b"), List.of(ALICE, IlpAddress.of("example.b")),
                new byte[Route.AUTH_LENGTH], List.of());
        byte[] data = update(List.of(route)).encodeData();
        // Header (16 + 4 * 4), speaker (14), route count (2), prefix (10), path count (2), then the first hop.
        int firstHop = 16 + 16 + 14 + 2 + 10 + 2;
        byte[] truncated = Arrays.copyOf(data, firstHop + 5);
        assertThatThrownBy(() -> RouteUpdateRequest.decodeData(truncated)).isInstanceOf(DecodingException.class);
    }

    @Test
    void shouldRejectACountLargerThanTheRemainingBytesWithoutAllocatingForIt() {
        byte[] data = header().writeVarUInt(RouteUpdateRequest.NEW_ROUTES_MAX).writeVarUInt(0).toByteArray();
        assertThatThrownBy(() -> RouteUpdateRequest.decodeData(data)).isInstanceOf(DecodingException.class)
                .hasMessageContaining("remaining bytes");
    }

    @Test
    void shouldRejectACountAboveItsLimitEvenAt64Bits() {
        byte[] data = header().writeVarUInt(-1L).toByteArray();
        assertThatThrownBy(() -> RouteUpdateRequest.decodeData(data)).isInstanceOf(DecodingException.class)
                .hasMessageContaining("18446744073709551615");
    }

    @Test
    void shouldRejectAnUnknownMode() {
        byte[] data = hex("0270d1a134a0df4f47964f6e19e2ab37900000002001" + "00");
        assertThatThrownBy(() -> RouteControlRequest.decodeData(data)).isInstanceOf(DecodingException.class);
    }

    @Test
    void shouldRejectAControlRequestWithTrailingBytes() {
        byte[] data = hex("0170d1a134a0df4f47964f6e19e2ab379000000020010203666f6f03626172" + "00");
        assertThatThrownBy(() -> RouteControlRequest.decodeData(data)).isInstanceOf(DecodingException.class);
    }

    @Test
    void shouldRejectAPropThatSetsReservedFlagBits() {
        assertThatThrownBy(() -> RouteUpdateRequest.decodeData(withOneProp(0x41, new byte[] {1})))
                .isInstanceOf(DecodingException.class).hasMessageContaining("reserved");
    }

    @Test
    void shouldRejectAUtf8PropThatIsNotUtf8() {
        assertThatThrownBy(() -> RouteUpdateRequest.decodeData(withOneProp(0x50, new byte[] {(byte) 0xc3})))
                .isInstanceOf(DecodingException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void shouldKeepBinaryPropValuesAsTheyCame() throws DecodingException {
        RouteUpdateRequest decoded = RouteUpdateRequest.decodeData(withOneProp(0xe0, new byte[] {(byte) 0xc3}));
        RouteProp prop = decoded.newRoutes().get(0).props().get(0);
        assertThat(prop).isEqualTo(new RouteProp(true, true, true, false, 7, new byte[] {(byte) 0xc3}));
    }

    @Test
    void shouldRejectAnInvalidAddressInTheWithdrawnRoutes() {
        byte[] data = header().writeVarUInt(0).writeVarUInt(1).writeVarAscii("example..x").toByteArray();
        assertThatThrownBy(() -> RouteUpdateRequest.decodeData(data)).isInstanceOf(DecodingException.class);
    }

    @Test
    void shouldRefuseToBuildAnUpdateOverItsLimits() {
        List<IlpAddress> tooMany = Collections.nCopies(RouteUpdateRequest.WITHDRAWN_ROUTES_MAX + 1, ALICE);
        assertThatThrownBy(() -> new RouteUpdateRequest(TABLE, 0, 0, 0, 0, ALICE, List.of(), tooMany))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RouteUpdateRequest(TABLE, 1L << 32, 0, 0, 0, ALICE, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RouteUpdateRequest update(List<Route> routes) {
        return new RouteUpdateRequest(TABLE, 52, 52, 52, 30_000, ALICE, routes, List.of());
    }

    /** Everything before the new-routes count. */
    private static OerWriter header() {
        byte[] data = update(List.of()).encodeData();
        return new OerWriter().writeOctets(data, 0, data.length - 4);
    }

    private static byte[] withOneProp(int flags, byte[] value) {
        return header().writeVarUInt(1).writeVarAscii("example.b").writeVarUInt(0)
                .writeOctets(new byte[Route.AUTH_LENGTH]).writeVarUInt(1).writeUInt8(flags).writeUInt16(7)
                .writeVarOctetString(value).writeVarUInt(0).toByteArray();
    }
}
