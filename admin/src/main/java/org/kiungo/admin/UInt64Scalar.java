package org.kiungo.admin;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.util.Locale;
import org.kiungo.ledger.Unsigned64;

/**
 * Unsigned 64-bit integers as Rafiki's {@code UInt64}: written out as decimal strings (JSON numbers lose precision
 * above 2^53 in most clients), read from strings or integers. Inside Kiungo the value is a {@code long} with the
 * same bits.
 */
final class UInt64Scalar {
    private static final BigInteger MAX = Unsigned64.toBigInteger(Unsigned64.MAX);

    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("UInt64")
            .description("An unsigned 64-bit integer, as a decimal string")
            .coercing(new UInt64Coercing())
            .build();

    private UInt64Scalar() {
    }

    /** The value of {@code input} (a string of digits or an integer), or null when it is not a UInt64. */
    static Long parse(Object input) {
        BigInteger value;
        if (input instanceof String text && text.matches("[0-9]{1,20}")) {
            value = new BigInteger(text);
        } else if (input instanceof Integer || input instanceof Long) {
            value = BigInteger.valueOf(((Number) input).longValue());
        } else if (input instanceof BigInteger big) {
            value = big;
        } else {
            return null;
        }
        return value.signum() < 0 || value.compareTo(MAX) > 0 ? null : value.longValue();
    }

    private static String problem(Object input) {
        return "a UInt64 is an integer from 0 to 18446744073709551615, given as a string or a number, not "
                + (input instanceof String ? "\"" + input + "\"" : String.valueOf(input));
    }

    /** The coercion rules; one instance, stateless. */
    private static final class UInt64Coercing implements Coercing<Long, String> {
        @Override
        public String serialize(Object result, GraphQLContext context, Locale locale) {
            if (result instanceof Long || result instanceof Integer) {
                return Unsigned64.toString(((Number) result).longValue());
            }
            if (result instanceof BigInteger value) {
                return value.toString();
            }
            throw new CoercingSerializeException("not a UInt64: " + result);
        }

        @Override
        public Long parseValue(Object input, GraphQLContext context, Locale locale) {
            Long value = parse(input);
            if (value == null) {
                throw new CoercingParseValueException(problem(input));
            }
            return value;
        }

        @Override
        public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            Object raw = input instanceof StringValue s ? s.getValue()
                    : input instanceof IntValue i ? i.getValue() : input;
            Long value = parse(raw);
            if (value == null) {
                throw new CoercingParseLiteralException(problem(raw));
            }
            return value;
        }
    }
}
