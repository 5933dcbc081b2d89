package org.kiungo.peering;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kiungo.codec.ilp.IlpAddress;

/** Checks of operator input, each failing with {@link PeeringError#BAD_USER_INPUT} and a message naming the field. */
final class Inputs {
    /** A host name with an optional port and path, as the older peering guide writes endpoints. */
    private static final Pattern BARE_HOST = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(:\\d{1,5})?(/\\S*)?");
    /** The longest endpoint URL accepted. */
    static final int ENDPOINT_LENGTH_MAX = 2_048;

    private Inputs() {
    }

    static UUID uuid(String field, String value) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the message below, which says what was expected.
        }
        throw bad(field + " must be a UUID such as 3f9a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b, not \"" + shown(value)
                + "\"");
    }

    static IlpAddress ilpAddress(String field, String value) {
        String problem = IlpAddress.problem(value);
        if (problem != null) {
            throw bad(field + " is not a valid ILP address (" + problem + "): \"" + shown(value) + "\"");
        }
        return IlpAddress.of(value);
    }

    /**
     * An absolute http or https URL. A bare host name (with optional port and path) is taken as {@code http://}
     * that host, because the older peering guide gives endpoints that way.
     */
    static URI endpoint(String value) {
        return url("http.outgoing.endpoint", value);
    }

    /** As {@link #endpoint}, naming {@code field} in the refusal. */
    static URI url(String field, String value) {
        if (value == null || value.isBlank() || value.length() > ENDPOINT_LENGTH_MAX) {
            throw bad(field + " must be an http or https URL of at most " + ENDPOINT_LENGTH_MAX + " characters");
        }
        String candidate = BARE_HOST.matcher(value).matches() ? "http://" + value : value;
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Falls through to the message below.
        }
        throw bad(field + " must be an http or https URL such as https://ilp.example.com/ilp, not \"" + shown(value)
                + "\"");
    }

    static long positiveAmount(String field, long amount) {
        if (amount == 0) {
            throw bad(field + " must be greater than zero");
        }
        return amount;
    }

    static PeeringException bad(String message) {
        return new PeeringException(PeeringError.BAD_USER_INPUT, message);
    }

    /** Enough of an input to recognise it in a message, never a whole long value. */
    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 80) + "...";
    }
}
