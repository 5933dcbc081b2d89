package org.kiungo.codec.ilp;

import java.util.Arrays;
import java.util.Objects;

/** An ILP Fulfill: the preimage of the Prepare's condition, and optional data for the sender. */
public record Fulfill(byte[] fulfillment, byte[] data) implements Reply {
    public static final int FULFILLMENT_LENGTH = 32;

    public Fulfill {
        Objects.requireNonNull(data, "data");
        if (fulfillment == null || fulfillment.length != FULFILLMENT_LENGTH) {
            throw new IllegalArgumentException("fulfillment must be " + FULFILLMENT_LENGTH + " bytes");
        }
        if (data.length > DATA_LENGTH_MAX) {
            throw new IllegalArgumentException("data is longer than " + DATA_LENGTH_MAX + " bytes");
        }
    }

    /** True when SHA-256 of the fulfillment is {@code condition}. */
    public boolean fulfills(byte[] condition) {
        return Conditions.matches(fulfillment, condition);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fulfill f && Arrays.equals(fulfillment, f.fulfillment) && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fulfillment) + Arrays.hashCode(data);
    }

    /** Never prints the fulfillment or the data. */
    @Override
    public String toString() {
        return "Fulfill[data=" + data.length + " bytes]";
    }
}
