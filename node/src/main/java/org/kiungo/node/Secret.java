package org.kiungo.node;

import java.util.Objects;

/** A configured secret. Its {@code toString} never shows the value, so a secret cannot leak by being printed. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret itself, for the code that signs or derives with it, never for display. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "(secret)";
    }
}
