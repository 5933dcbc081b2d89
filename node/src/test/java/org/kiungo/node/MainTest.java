package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void shouldListEveryCommandAndEveryVariableInTheHelp() {
        assertThat(main.execute(new String[] {"--help"}, Map.of())).isEqualTo(Main.EXIT_OK);

        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("run", "help", "version");
        for (EnvironmentVariable variable : EnvironmentVariable.values()) {
            assertThat(help).contains(variable.name(), variable.meaning(), "default: " + variable.defaultText());
        }
    }

    @Test
    void shouldShowTheSameHelpForHelp() {
        main.execute(new String[] {"help"}, Map.of());

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Help.text());
    }

    @Test
    void shouldPrintTheVersion() {
        assertThat(main.execute(new String[] {"version"}, Map.of())).isEqualTo(Main.EXIT_OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("kiungo ").doesNotContain("unknown");
    }

    @Test
    void shouldExitWith2ForAnUnknownCommand() {
        assertThat(main.execute(new String[] {"fly"}, Map.of())).isEqualTo(Main.EXIT_USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command \"fly\"");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldExitWith2ForNoCommand() {
        assertThat(main.execute(new String[0], Map.of())).isEqualTo(Main.EXIT_USAGE);
    }

    @Test
    void shouldPrintEveryConfigurationProblemAndExitWith2(@TempDir Path dataDir) {
        int status = main.execute(new String[] {"run"}, Map.of("KIUNGO_DATA_DIR", dataDir.toString(),
                "ILP_ADDRESS", "g..x", "ADMIN_PORT", "many", "API_SECRET", "api-secret-value"));

        assertThat(status).isEqualTo(Main.EXIT_USAGE);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("2 problems",
                "ILP_ADDRESS is not a valid ILP address: \"g..x\" (ILP address has an empty segment)",
                "ADMIN_PORT is not a port number").doesNotContain("Exception", "\tat ", "api-secret-value");
    }

    @Test
    void shouldExitWith1AndSayWhyWhenThePostgresDatabaseCannotBeReached(@TempDir Path dataDir) {
        int status = main.execute(new String[] {"run"}, Map.of("KIUNGO_DATA_DIR", dataDir.toString(),
                "CONNECTOR_PORT", "0", "ADMIN_PORT", "0", "SPSP_PORT", "0",
                "DATABASE_URL", "postgres://kiungo:db-password-value@127.0.0.1:1/kiungo"));

        assertThat(status).isEqualTo(Main.EXIT_CANNOT_START);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cannot start: cannot open the PostgreSQL database of DATABASE_URL "
                        + "(jdbc:postgresql://127.0.0.1:1/kiungo)", "refused")
                .doesNotContain("db-password-value", "\tat ");
    }
}
