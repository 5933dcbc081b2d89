package org.kiungo.node;

import java.util.Arrays;

/** The text of {@code kiungo --help}, generated from {@link EnvironmentVariable} so it cannot drift. */
final class Help {
    private static final String INDENT = "  ";

    private Help() {
    }

    static String text() {
        int width = Arrays.stream(EnvironmentVariable.values()).mapToInt(v -> v.name().length()).max().orElse(0);
        String continuation = INDENT + " ".repeat(width + 2);
        StringBuilder text = new StringBuilder()
                .append("Usage: kiungo <command>\n\n")
                .append("Kiungo is an Interledger node.\n\n")
                .append("Commands:\n")
                .append(INDENT).append("run       start the node; SIGTERM or Ctrl-C stops it\n")
                .append(INDENT).append("pay       pay from a wallet address through the running node (admin API):\n")
                .append(INDENT).append("          pay --from <wallet address> --to <payment pointer> --amount <n>\n")
                .append(INDENT).append("          [--slippage <s>]\n")
                .append(INDENT).append("help      show this help (also --help, -h)\n")
                .append(INDENT).append("version   print the version (also --version)\n\n")
                .append("Environment variables (an empty value counts as unset):\n");
        for (EnvironmentVariable variable : EnvironmentVariable.values()) {
            text.append(INDENT).append(String.format("%-" + width + "s", variable.name())).append("  ")
                    .append(variable.meaning()).append(note(variable)).append('\n')
                    .append(continuation).append("default: ").append(variable.defaultText()).append('\n');
        }
        return text.toString();
    }

    private static String note(EnvironmentVariable variable) {
        return switch (variable.use()) {
            case USED -> "";
            case NOT_YET -> " (not used yet)";
            case REFUSED -> " (not supported yet: start-up fails when it asks for it)";
        };
    }
}
