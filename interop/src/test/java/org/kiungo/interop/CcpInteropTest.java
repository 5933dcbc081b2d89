package org.kiungo.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.interop.CrossCheck.bytes;
import static org.kiungo.interop.CrossCheck.hex;
import static org.kiungo.interop.JavaScriptCodec.JSON;
import static org.kiungo.interop.JavaScriptCodec.request;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ccp.CcpMode;
import org.kiungo.codec.ccp.Route;
import org.kiungo.codec.ccp.RouteControlRequest;
import org.kiungo.codec.ccp.RouteProp;
import org.kiungo.codec.ccp.RouteUpdateRequest;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;

/**
 * CCP route control and route update requests against ilp-protocol-ccp, both ways, as whole ILP Prepares: the
 * reference serializers choose the expiry themselves (now plus a minute), so Java decodes against the system clock.
 */
class CcpInteropTest extends JavaScriptInteropTest {
    private static final int CASES = 400;
    private static final Duration EXPIRY = Duration.ofMinutes(1);

    @Test
    void shouldLetJavaScriptDecodeEveryRouteControlRequestJavaEncodes() {
        CrossCheck.javaToJavaScript(js, RandomValues.forTest("ccp control java to js"), CASES,
                CcpInteropTest::control, c -> request("ccp.decodeControl").put("hex", hex(encode(c.toPrepare(soon())))),
                CcpInteropTest::fields);
    }

    @Test
    void shouldDecodeEveryRouteControlRequestJavaScriptEncodes() {
        CrossCheck.javaScriptToJava(js, RandomValues.forTest("ccp control js to java"), CASES,
                CcpInteropTest::control, c -> request("ccp.encodeControl").set("request", fields(c)),
                (c, answer) -> assertThat(RouteControlRequest.decode(bytes(answer), Clock.systemUTC())).isEqualTo(c));
    }

    @Test
    void shouldLetJavaScriptDecodeEveryRouteUpdateJavaEncodes() {
        CrossCheck.javaToJavaScript(js, RandomValues.forTest("ccp update java to js"), CASES,
                CcpInteropTest::update, u -> request("ccp.decodeUpdate").put("hex", hex(encode(u.toPrepare(soon())))),
                CcpInteropTest::fields);
    }

    @Test
    void shouldDecodeEveryRouteUpdateJavaScriptEncodes() {
        CrossCheck.javaScriptToJava(js, RandomValues.forTest("ccp update js to java"), CASES,
                CcpInteropTest::update, u -> request("ccp.encodeUpdate").set("request", fields(u)),
                (u, answer) -> assertThat(RouteUpdateRequest.decode(bytes(answer), Clock.systemUTC()))
                        .isEqualTo(withProps(u, CcpInteropTest::asJavaScriptWritesIt)));
    }

    /**
     * Known difference: ilp-protocol-ccp does not write the flags it is given. A prop that is not optional is always
     * sent transitive, and partial only survives on an optional transitive prop. We write and read all four flags
     * as they are.
     */
    @Test
    void shouldNoteThatJavaScriptRewritesRoutePropFlags() throws DecodingException {
        RouteProp given = new RouteProp(false, false, true, false, 7, new byte[] {1});
        RouteUpdateRequest update = updateWith(List.of(new Route(IlpAddress.of("g.a"), List.of(), new byte[32],
                List.of(given))), List.of());

        byte[] fromJavaScript = bytes(js.call(request("ccp.encodeUpdate").set("request",
                fields(update))));
        RouteProp read = RouteUpdateRequest.decode(fromJavaScript, Clock.systemUTC()).newRoutes().get(0).props().get(0);

        assertThat(read).isEqualTo(new RouteProp(false, true, false, false, 7, new byte[] {1}));
        assertThat(asJavaScriptWritesIt(given)).isEqualTo(read);
    }

    /** Known difference: ilp-protocol-ccp reads any string as a route prefix; our decoder requires an address. */
    @Test
    void shouldRefuseRoutePrefixesThatAreNotAddressesWhichJavaScriptAccepts() {
        ObjectNode fields = fields(updateWith(List.of(), List.of(IlpAddress.of("g.a"))));
        ((ArrayNode) fields.get("withdrawnRoutes")).removeAll().add("not an address");

        byte[] fromJavaScript = bytes(js.call(request("ccp.encodeUpdate").set("request", fields)));

        assertThatThrownBy(() -> RouteUpdateRequest.decode(fromJavaScript, Clock.systemUTC()))
                .isInstanceOf(DecodingException.class);
        assertThat(js.call(request("ccp.decodeUpdate").put("hex", hex(fromJavaScript))).path("withdrawnRoutes")
                .path(0).asText()).isEqualTo("not an address");
    }

    private static RouteProp asJavaScriptWritesIt(RouteProp p) {
        return new RouteProp(p.optional(), !p.optional() || p.transitive(), p.optional() && p.transitive()
                && p.partial(), p.utf8(), p.id(), p.value());
    }

    private static RouteUpdateRequest withProps(RouteUpdateRequest u, Function<RouteProp, RouteProp> change) {
        List<Route> routes = u.newRoutes().stream().map(r -> new Route(r.prefix(), r.path(), r.auth(),
                r.props().stream().map(change).toList())).toList();
        return new RouteUpdateRequest(u.routingTableId(), u.currentEpochIndex(), u.fromEpochIndex(),
                u.toEpochIndex(), u.holdDownTimeMs(), u.speaker(), routes, u.withdrawnRoutes());
    }

    private static RouteUpdateRequest updateWith(List<Route> routes, List<IlpAddress> withdrawn) {
        return new RouteUpdateRequest(new UUID(1, 2), 3, 1, 3, 30_000, IlpAddress.of("g.speaker"), routes, withdrawn);
    }

    private static byte[] encode(Prepare prepare) {
        return IlpCodec.encode(prepare);
    }

    private static Instant soon() {
        return Instant.now().plus(EXPIRY);
    }

    private static RouteControlRequest control(RandomValues random) {
        List<String> features = new ArrayList<>();
        for (int i = random.between(0, 4); i > 0; i--) {
            features.add(random.text(12));
        }
        return new RouteControlRequest(random.chance(50) ? CcpMode.IDLE : CcpMode.SYNC, uuid(random),
                random.uint32(), features);
    }

    private static RouteUpdateRequest update(RandomValues random) {
        List<Route> routes = new ArrayList<>();
        for (int i = random.between(0, 5); i > 0; i--) {
            routes.add(new Route(random.address(), addresses(random, 4), random.bytes(Route.AUTH_LENGTH),
                    props(random)));
        }
        return new RouteUpdateRequest(uuid(random), random.uint32(), random.uint32(), random.uint32(),
                random.uint32(), random.address(), routes, addresses(random, 5));
    }

    private static List<RouteProp> props(RandomValues random) {
        List<RouteProp> props = new ArrayList<>();
        for (int i = random.between(0, 3); i > 0; i--) {
            boolean[] flags = {random.chance(50), random.chance(50), random.chance(50)};
            int id = random.between(0, RouteProp.ID_MAX);
            props.add(random.chance(50) ? RouteProp.text(flags[0], flags[1], flags[2], id, random.text(20))
                    : new RouteProp(flags[0], flags[1], flags[2], false, id, random.bytesUpTo(64)));
        }
        return props;
    }

    private static List<IlpAddress> addresses(RandomValues random, int max) {
        List<IlpAddress> addresses = new ArrayList<>();
        for (int i = random.between(0, max); i > 0; i--) {
            addresses.add(random.address());
        }
        return addresses;
    }

    private static UUID uuid(RandomValues random) {
        return new UUID(random.uint64(), random.uint64());
    }

    private static ObjectNode fields(RouteControlRequest c) {
        ObjectNode fields = JSON.createObjectNode().put("mode", c.mode().code())
                .put("lastKnownRoutingTableId", c.lastKnownRoutingTableId().toString())
                .put("lastKnownEpoch", c.lastKnownEpoch());
        c.features().forEach(fields.putArray("features")::add);
        return fields;
    }

    /** The fields ilp-protocol-ccp reads a route update from, and writes it with. */
    private static ObjectNode fields(RouteUpdateRequest u) {
        ObjectNode fields = JSON.createObjectNode().put("routingTableId", u.routingTableId().toString())
                .put("currentEpochIndex", u.currentEpochIndex()).put("fromEpochIndex", u.fromEpochIndex())
                .put("toEpochIndex", u.toEpochIndex()).put("holdDownTime", u.holdDownTimeMs())
                .put("speaker", u.speaker().value());
        ArrayNode routes = fields.putArray("newRoutes");
        for (Route r : u.newRoutes()) {
            ObjectNode route = routes.addObject().put("prefix", r.prefix().value()).put("auth", hex(r.auth()));
            ArrayNode path = route.putArray("path");
            r.path().forEach(hop -> path.add(hop.value()));
            ArrayNode props = route.putArray("props");
            r.props().forEach(p -> props.addObject().put("isOptional", p.optional())
                    .put("isTransitive", p.transitive()).put("isPartial", p.partial()).put("id", p.id())
                    .put("isUtf8", p.utf8()).put("value", p.utf8() ? p.text() : hex(p.value())));
        }
        ArrayNode withdrawn = fields.putArray("withdrawnRoutes");
        u.withdrawnRoutes().forEach(prefix -> withdrawn.add(prefix.value()));
        return fields;
    }
}
