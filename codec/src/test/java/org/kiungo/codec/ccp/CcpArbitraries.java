package org.kiungo.codec.ccp;

import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.kiungo.codec.CodecArbitraries;
import org.kiungo.codec.ilp.IlpAddress;

/** Generators for CCP messages, sized so an update still fits one Prepare's data. */
final class CcpArbitraries {
    private CcpArbitraries() {
    }

    static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    static Arbitrary<Long> uint32s() {
        return Arbitraries.longs().between(0, 0xffff_ffffL);
    }

    static Arbitrary<RouteControlRequest> controlRequests() {
        return Combinators.combine(Arbitraries.of(CcpMode.class), uuids(), uint32s(),
                CodecArbitraries.unicode(20).list().ofMaxSize(RouteControlRequest.FEATURES_MAX))
                .as(RouteControlRequest::new);
    }

    static Arbitrary<RouteProp> props() {
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<RouteProp> binary = Combinators.combine(flag, flag, flag, Arbitraries.integers()
                        .between(0, RouteProp.ID_MAX), CodecArbitraries.bytes(64))
                .as((optional, transitive, partial, id, value) ->
                        new RouteProp(optional, transitive, partial, false, id, value));
        Arbitrary<RouteProp> text = Combinators.combine(flag, flag, flag, Arbitraries.integers()
                        .between(0, RouteProp.ID_MAX), CodecArbitraries.unicode(16))
                .as(RouteProp::text);
        return Arbitraries.oneOf(binary, text);
    }

    static Arbitrary<IlpAddress> addresses() {
        return CodecArbitraries.addresses(4, 12);
    }

    static Arbitrary<Route> routes() {
        return Combinators.combine(addresses(), addresses().list().ofMaxSize(6),
                CodecArbitraries.fixedBytes(Route.AUTH_LENGTH), props().list().ofMaxSize(4)).as(Route::new);
    }

    static Arbitrary<RouteUpdateRequest> updateRequests() {
        return Combinators.combine(uuids(), uint32s(), uint32s(), uint32s(), uint32s(), addresses(),
                routes().list().ofMaxSize(8), addresses().list().ofMaxSize(12)).as(RouteUpdateRequest::new);
    }
}
