package org.kiungo.node;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The {@code kiungo} command line. Exit status: 0 for success and for a node stopped by SIGTERM or SIGINT, 1 when
 * the node cannot start, 2 for a usage or configuration error.
 */
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_CANNOT_START = 1;
    public static final int EXIT_USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).execute(args, System.getenv()));
    }

    /** Runs one command; {@code run} returns only once the node has stopped. */
    int execute(String[] args, Map<String, String> environment) {
        if (args.length >= 1 && args[0].equals("pay")) {
            return new PayCommand(out, err).run(List.of(args).subList(1, args.length), environment);
        }
        if (args.length != 1) {
            err.println(args.length == 0 ? "kiungo: no command given" : "kiungo: one command at a time");
            err.print(Help.text());
            return EXIT_USAGE;
        }
        return switch (args[0]) {
            case "run" -> run(environment);
            case "help", "--help", "-h" -> {
                out.print(Help.text());
                yield EXIT_OK;
            }
            case "version", "--version" -> {
                out.println("kiungo " + Version.current());
                yield EXIT_OK;
            }
            default -> {
                err.println("kiungo: unknown command \"" + args[0] + "\"; \"kiungo --help\" lists the commands");
                yield EXIT_USAGE;
            }
        };
    }

    private int run(Map<String, String> environment) {
        Config config;
        try {
            config = Config.load(environment);
        } catch (ConfigException e) {
            err.println("kiungo: the configuration has " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem:" : " problems:"));
            e.problems().forEach(problem -> err.println("  " + problem));
            return EXIT_USAGE;
        }
        Node node;
        try {
            node = Node.start(config);
        } catch (NodeStartException e) {
            err.println("kiungo: cannot start: " + e.getMessage());
            return EXIT_CANNOT_START;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(node), "kiungo-stop"));
        LoggerFactory.getLogger(Main.class).info("running until SIGTERM or Ctrl-C");
        try {
            node.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXIT_OK;
    }

    /**
     * SIGTERM and SIGINT run shutdown hooks; this one is only registered while the node runs normally, so it
     * fires for a requested stop. The JVM would report such a stop as status 143 or 130; for an operator it is a
     * clean exit, so once the node has stopped, the status is 0.
     */
    private static void stopOnSignal(Node node) {
        node.close();
        Runtime.getRuntime().halt(EXIT_OK);
    }
}
