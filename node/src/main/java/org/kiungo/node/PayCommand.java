package org.kiungo.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kiungo.admin.GraphqlHandler;
import org.kiungo.admin.RequestSignatures;

/**
 * {@code kiungo pay --from <wallet address> --to <payment pointer> --amount <n> [--slippage <s>]}: asks the running
 * node to pay, through its admin API ({@code createPayment}), signed with {@code API_SECRET} when it is set. The
 * command does not pay by itself: the wallet's balance lives in the node's ledger, which the running node holds
 * locked, so only the node can debit it for exactly what its packets delivered.
 *
 * <p>Exit status: 0 when the whole amount was paid, 1 when the payment stopped short or was refused, 2 for usage.
 */
final class PayCommand {
    /** How long the command waits for the payment to finish. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    static final String USAGE = "usage: kiungo pay --from <wallet address URL, payment pointer or id> "
            + "--to <payment pointer or SPSP URL> --amount <units> [--slippage <0 to below 1>]";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,20}");
    private static final String BY_URL = "query($url: String!) { walletAddressByUrl(url: $url) { id } }";
    private static final String PAY = "mutation($input: CreatePaymentInput!) { createPayment(input: $input) { "
            + "message payment { sentAmount deliveredAmount packetsFulfilled exchangeRate completed stopReason "
            + "detail } } }";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;

    PayCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args, Map<String, String> environment) {
        Map<String, String> options = options(args);
        if (options == null || !options.keySet().containsAll(List.of("--from", "--to", "--amount"))
                || !AMOUNT.matcher(options.get("--amount")).matches()) {
            err.println("kiungo pay: " + USAGE);
            return Main.EXIT_USAGE;
        }
        String port = Optional.ofNullable(environment.get(EnvironmentVariable.ADMIN_PORT.name()))
                .filter(p -> !p.isBlank()).orElse(EnvironmentVariable.ADMIN_PORT.defaultValue());
        Optional<String> secret = Optional.ofNullable(environment.get(EnvironmentVariable.API_SECRET.name()))
                .filter(s -> !s.isEmpty());
        try (HttpClient http = HttpClient.newHttpClient()) {
            Admin admin = new Admin(http, URI.create("http://127.0.0.1:" + port + GraphqlHandler.PATH), secret);
            return pay(admin, options);
        } catch (IOException | IllegalArgumentException e) {
            err.println("kiungo pay: cannot reach the node's admin API on port " + port + ": " + e.getMessage());
            return Main.EXIT_CANNOT_START;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.EXIT_CANNOT_START;
        }
    }

    @SuppressWarnings("unchecked")
    private int pay(Admin admin, Map<String, String> options) throws IOException, InterruptedException {
        String from = options.get("--from");
        if (!UUID_TEXT.matcher(from).matches()) {
            Map<String, Object> found = admin.data("walletAddressByUrl", BY_URL, Map.of("url", from));
            if (found == null) {
                return fail("no wallet address " + from + " on this node");
            }
            from = (String) found.get("id");
        }
        Map<String, Object> input = new HashMap<>(Map.of("walletAddressId", from, "receiver", options.get("--to"),
                "amount", options.get("--amount")));
        Optional.ofNullable(options.get("--slippage")).ifPresent(s -> input.put("slippage", s));
        Map<String, Object> paid = admin.data("createPayment", PAY, Map.of("input", input));
        if (paid == null) {
            return Main.EXIT_CANNOT_START;
        }
        Map<String, Object> payment = (Map<String, Object>) paid.get("payment");
        out.println(paid.get("message"));
        for (String field : List.of("sentAmount", "deliveredAmount", "packetsFulfilled", "exchangeRate",
                "stopReason")) {
            out.println("  " + field + ": " + payment.get(field));
        }
        return Boolean.TRUE.equals(payment.get("completed")) ? Main.EXIT_OK : Main.EXIT_CANNOT_START;
    }

    private int fail(String message) {
        err.println("kiungo pay: " + message);
        return Main.EXIT_CANNOT_START;
    }

    /** {@code --name value} pairs, or null when an option is unknown, repeated or has no value. */
    private static Map<String, String> options(List<String> args) {
        List<String> known = List.of("--from", "--to", "--amount", "--slippage");
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!known.contains(args.get(i)) || i + 1 >= args.size() || options.containsKey(args.get(i))) {
                return null;
            }
            options.put(args.get(i), args.get(i + 1));
        }
        return options;
    }

    /** GraphQL to the node's admin API, each request signed when there is a secret. */
    private final class Admin {
        private final HttpClient http;
        private final URI endpoint;
        private final Optional<RequestSignatures> signatures;

        Admin(HttpClient http, URI endpoint, Optional<String> secret) {
            this.http = http;
            this.endpoint = endpoint;
            this.signatures = secret.map(s -> new RequestSignatures(s.getBytes(StandardCharsets.UTF_8),
                    Clock.systemUTC()));
        }

        /** The field's data, or null after printing the errors. */
        @SuppressWarnings("unchecked")
        Map<String, Object> data(String field, String query, Map<String, Object> variables)
                throws IOException, InterruptedException {
            byte[] body = JSON.writeValueAsBytes(Map.of("query", query, "variables", variables));
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            signatures.ifPresent(s -> request.header(RequestSignatures.HEADER,
                    s.sign(System.currentTimeMillis(), body)));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                err.println("kiungo pay: the admin API answered HTTP " + response.statusCode());
                return null;
            }
            Map<String, Object> answer = JSON.readValue(response.body(), Map.class);
            List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
            if (errors != null && !errors.isEmpty()) {
                errors.forEach(e -> err.println("kiungo pay: " + e.get("message") + " (" + ((Map<String, Object>)
                        e.getOrDefault("extensions", Map.of())).get("code") + ")"));
                return null;
            }
            return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(field);
        }
    }
}
