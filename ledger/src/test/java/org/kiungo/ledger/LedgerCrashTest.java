package org.kiungo.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The crash test every engine runs: a child JVM ({@link CrashChild}) posts transfers and acknowledges each one
 * once {@code createTransfer} has completed; the test kills it with SIGKILL after a random number of
 * acknowledgements, opens the engine again, and finds every acknowledged transfer with its amount, and a balance
 * equal to the sum of the transfers found. Rounds repeat on the same ledger, so recovery also recovers what an
 * earlier recovery left.
 */
public abstract class LedgerCrashTest {
    /** The child's arguments after the two account ids: the engine and where its ledger is. */
    protected abstract List<String> engineArguments();

    /** The engine opened again on the ledger the child used. */
    protected abstract Ledger reopen();

    /** Kills {@code rounds} children, each after {@code minimum} to {@code minimum + spread} acknowledgements. */
    protected void shouldKeepEveryAcknowledgedTransfer(int rounds, int minimum, int spread) throws Exception {
        UUID source = Ids.random();
        UUID destination = Ids.random();
        Map<UUID, Long> acknowledged = new HashMap<>();
        for (int round = 0; round < rounds; round++) {
            acknowledged.putAll(runAndKill(source, destination,
                    minimum + ThreadLocalRandom.current().nextInt(spread)));
            assertRecovered(source, destination, acknowledged);
        }
    }

    private Map<UUID, Long> runAndKill(UUID source, UUID destination, int killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), source.toString(), destination.toString()));
        command.addAll(engineArguments());
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<UUID, Long> acknowledged = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("READY");
            for (String line; acknowledged.size() < killAfter && (line = lines.readLine()) != null; ) {
                String[] parts = line.split(" ");
                acknowledged.put(UUID.fromString(parts[0]), Long.parseLong(parts[1]));
            }
            // Acknowledgements still in the pipe are lost to the test (killing closes the streams): the test checks
            // those it read, and that the balance equals the sum of every transfer found, acknowledged or not.
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(killAfter);
        return acknowledged;
    }

    private void assertRecovered(UUID source, UUID destination, Map<UUID, Long> acknowledged) {
        try (Ledger ledger = reopen()) {
            List<UUID> ids = new ArrayList<>(acknowledged.keySet());
            for (int from = 0; from < ids.size(); from += Ledger.BATCH_MAX) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + Ledger.BATCH_MAX));
                List<Transfer> found = ledger.lookupTransfers(chunk);
                assertThat(found).hasSize(chunk.size());
                found.forEach(t -> assertThat(t.amount()).isEqualTo(acknowledged.get(t.id())));
            }
            long sum = 0;
            long cursor = TransferPage.FIRST;
            for (boolean more = true; more; ) {
                TransferPage page = ledger.accountTransfers(destination, cursor, Ledger.ACCOUNT_TRANSFERS_PAGE_MAX);
                for (Transfer transfer : page.transfers()) sum += transfer.amount();
                cursor = page.nextCursor();
                more = page.hasMore();
            }
            Account account = ledger.lookupAccount(destination).orElseThrow();
            assertThat(account.creditsPosted()).isEqualTo(sum);
            LedgerContractTest.assertBalanced(ledger, List.of(source, destination));
        }
    }
}
