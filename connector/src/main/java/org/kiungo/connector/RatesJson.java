package org.kiungo.connector;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads exchange rates in the shape of Rafiki's rates service, {@code {"base": "USD", "rates": {"EUR": 0.9}}}:
 * one whole unit of {@code base} buys 0.9 whole units of EUR. Every rate is read as the exact decimal written,
 * never through a double, and must be a positive JSON number of bounded size; other members are skipped.
 * A bad document is refused whole with a message that says why.
 */
public final class RatesJson {
    /** The most significant digits of one rate; more is not a price but an attack on the arithmetic. */
    public static final int RATE_DIGITS_MAX = 40;
    /** The largest decimal exponent, either way, of one rate. */
    public static final int RATE_SCALE_MAX = 40;
    /** The longest number text read at all. */
    private static final int NUMBER_LENGTH_MAX = 100;
    /** The deepest nesting read, so a skipped member cannot exhaust the stack. */
    private static final int NESTING_DEPTH_MAX = 8;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(NUMBER_LENGTH_MAX)
                    .maxNestingDepth(NESTING_DEPTH_MAX).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RatesJson() {
    }

    /** The rates in {@code json}; an {@link IllegalArgumentException} saying why when it is not a valid table. */
    public static StaticRates parse(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            StaticRates rates = table(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("text follows the JSON object");
            }
            return rates;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable: " + e.getMessage());
        }
    }

    private static StaticRates table(JsonParser parser) throws IOException {
        expect(parser.nextToken() == JsonToken.START_OBJECT, "a JSON object with base and rates");
        String base = null;
        Map<String, BigDecimal> rates = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("base")) {
                expect(value == JsonToken.VALUE_STRING, "base must be a string");
                base = code(parser.getText());
            } else if (name.equals("rates")) {
                expect(value == JsonToken.START_OBJECT, "rates must be an object");
                rates = rates(parser);
            } else {
                parser.skipChildren();
            }
        }
        expect(base != null, "base is missing");
        expect(rates != null, "rates is missing");
        return new StaticRates(base, rates);
    }

    private static Map<String, BigDecimal> rates(JsonParser parser) throws IOException {
        Map<String, BigDecimal> rates = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String code = code(parser.currentName());
            JsonToken value = parser.nextToken();
            expect(rates.size() < StaticRates.RATES_MAX, "more than " + StaticRates.RATES_MAX + " rates");
            expect(value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT,
                    "the rate of " + code + " must be a number");
            rates.put(code, rate(code, parser.getDecimalValue()));
        }
        return rates;
    }

    private static BigDecimal rate(String code, BigDecimal rate) {
        expect(rate.signum() > 0, "the rate of " + code + " must be positive");
        expect(rate.precision() <= RATE_DIGITS_MAX, "the rate of " + code + " has more than " + RATE_DIGITS_MAX
                + " digits");
        expect(Math.abs(rate.scale()) <= RATE_SCALE_MAX, "the rate of " + code + " has an exponent beyond "
                + RATE_SCALE_MAX);
        return rate;
    }

    private static String code(String code) {
        expect(!code.isBlank() && code.length() <= Asset.CODE_LENGTH_MAX
                && code.chars().noneMatch(Character::isISOControl), "an asset code has 1 to "
                + Asset.CODE_LENGTH_MAX + " characters and no control characters");
        return code;
    }

    private static void expect(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
