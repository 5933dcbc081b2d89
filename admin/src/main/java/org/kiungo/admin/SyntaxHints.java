package org.kiungo.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains common mistakes in a query that does not parse, beyond the parser's "offending token". The older
 * peering guide writes {@code postLiquidityWithdrawal($withdrawalId: String!)}: a variable declaration where an
 * argument belongs. The hint says exactly that and gives the corrected call.
 */
final class SyntaxHints {
    /** A field called with a variable declaration, such as {@code name($var: Type!)}. */
    private static final Pattern DECLARATION_AS_ARGUMENT =
            Pattern.compile("(\\w+)\\s*\\(\\s*\\$(\\w+)\\s*:\\s*([\\w!\\[\\]]+)\\s*\\)\\s*\\{");

    private SyntaxHints() {
    }

    /** A hint for {@code query}, or null when none applies. */
    static String hint(String query) {
        int body = query.indexOf('{');
        if (body < 0) {
            return "a GraphQL operation needs a selection set in braces, such as { assets { edges { cursor } } }";
        }
        Matcher matcher = DECLARATION_AS_ARGUMENT.matcher(query);
        while (matcher.find()) {
            if (matcher.start() > body) {
                String field = matcher.group(1);
                String variable = matcher.group(2);
                return field + "($" + variable + ": " + matcher.group(3) + ") declares a variable where an "
                        + "argument belongs: an argument is written name: value, and variable types belong only in "
                        + "the operation's header. Write " + field + "(" + variable + ": $" + variable + ")";
            }
        }
        return null;
    }
}
