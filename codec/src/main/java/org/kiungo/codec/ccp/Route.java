package org.kiungo.codec.ccp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.oer.OerReader;
import org.kiungo.codec.oer.OerWriter;

/**
 * A route a peer advertises: the address {@code prefix} it reaches, the {@code path} of connectors in between,
 * a 32-byte {@code auth} value and optional {@link RouteProp}s. Wire layout: prefix (var-length ASCII) | path
 * (VarUInt count, then addresses) | auth (32 bytes) | props (VarUInt count, then props). The auth array is held,
 * not copied.
 */
public record Route(IlpAddress prefix, List<IlpAddress> path, byte[] auth, List<RouteProp> props) {
    public static final int AUTH_LENGTH = 32;
    /** The most hops a path may list; a longer one is a loop or an attack, not a route. */
    public static final int PATH_MAX = 128;
    /** The most props one route may carry. */
    public static final int PROPS_MAX = 64;
    /** Prefix, two one-item counts and auth: the fewest bytes a route takes. */
    static final int BYTES_MIN = CcpFields.ADDRESS_BYTES_MIN + 2 + AUTH_LENGTH + 2;

    public Route {
        Objects.requireNonNull(prefix, "prefix");
        path = List.copyOf(path);
        props = List.copyOf(props);
        if (auth == null || auth.length != AUTH_LENGTH) {
            throw new IllegalArgumentException("route auth must be " + AUTH_LENGTH + " bytes");
        }
        CcpFields.requireAtMost(path.size(), PATH_MAX, "route path");
        CcpFields.requireAtMost(props.size(), PROPS_MAX, "route props");
    }

    void writeTo(OerWriter out) {
        CcpFields.writeAddress(out, prefix);
        out.writeVarUInt(path.size());
        path.forEach(hop -> CcpFields.writeAddress(out, hop));
        out.writeOctets(auth).writeVarUInt(props.size());
        props.forEach(prop -> prop.writeTo(out));
    }

    static Route readFrom(OerReader in) throws DecodingException {
        IlpAddress prefix = CcpFields.readAddress(in, "route prefix");
        int hops = CcpFields.readCount(in, PATH_MAX, CcpFields.ADDRESS_BYTES_MIN, "route path");
        List<IlpAddress> path = new ArrayList<>(hops);
        for (int i = 0; i < hops; i++) {
            path.add(CcpFields.readAddress(in, "route path hop"));
        }
        byte[] auth = in.readOctets(AUTH_LENGTH, "route auth");
        int count = CcpFields.readCount(in, PROPS_MAX, RouteProp.BYTES_MIN, "route props");
        List<RouteProp> props = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            props.add(RouteProp.readFrom(in));
        }
        return new Route(prefix, path, auth, props);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route r && prefix.equals(r.prefix) && path.equals(r.path)
                && Arrays.equals(auth, r.auth) && props.equals(r.props);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, path, Arrays.hashCode(auth), props);
    }

    @Override
    public String toString() {
        return "Route[prefix=" + prefix + ", path=" + path + ", props=" + props + "]";
    }
}
