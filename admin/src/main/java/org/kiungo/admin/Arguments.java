package org.kiungo.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads fields of a GraphQL input object, which graphql-java hands over as a map of already coerced values. */
final class Arguments {
    private final Map<String, Object> values;

    Arguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    String string(String name) {
        return (String) values.get(name);
    }

    Optional<String> optionalString(String name) {
        return Optional.ofNullable(string(name));
    }

    long amount(String name) {
        return (Long) values.get(name);
    }

    OptionalLong optionalAmount(String name) {
        Object value = values.get(name);
        return value == null ? OptionalLong.empty() : OptionalLong.of((Long) value);
    }

    Optional<Boolean> optionalBoolean(String name) {
        return Optional.ofNullable((Boolean) values.get(name));
    }

    int integer(String name) {
        return (Integer) values.get(name);
    }

    @SuppressWarnings("unchecked")
    Optional<List<String>> strings(String name) {
        return Optional.ofNullable((List<String>) values.get(name));
    }

    @SuppressWarnings("unchecked")
    Optional<Arguments> object(String name) {
        return Optional.ofNullable((Map<String, Object>) values.get(name)).map(Arguments::new);
    }

    Map<String, Object> asMap() {
        return values;
    }
}
