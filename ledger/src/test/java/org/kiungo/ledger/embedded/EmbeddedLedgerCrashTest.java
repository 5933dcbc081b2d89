package org.kiungo.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.LedgerContractTest;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferPage;

class EmbeddedLedgerCrashTest {
    private static final int ROUNDS = 3;

    @TempDir
    Path directory;

    @Test
    void shouldKeepEveryAcknowledgedTransferWhenTheProcessIsKilled() throws Exception {
        UUID source = Ids.random();
        UUID destination = Ids.random();
        Map<UUID, Long> acknowledged = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            acknowledged.putAll(runAndKill(source, destination));
            assertRecovered(source, destination, acknowledged);
        }
    }

    /** Starts the child, reads acknowledgements until a random count, then kills it with SIGKILL. */
    private Map<UUID, Long> runAndKill(UUID source, UUID destination) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), directory.toString(), source.toString(), destination.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<UUID, Long> acknowledged = new HashMap<>();
        int killAfter = 2_000 + ThreadLocalRandom.current().nextInt(20_000);
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
        assertThat(acknowledged).hasSizeGreaterThan(1_000);
        return acknowledged;
    }

    private void assertRecovered(UUID source, UUID destination, Map<UUID, Long> acknowledged) {
        try (Ledger ledger = EmbeddedLedger.open(directory, Clock.systemUTC())) {
            List<UUID> ids = new ArrayList<>(acknowledged.keySet());
            for (int from = 0; from < ids.size(); from += Ledger.BATCH_MAX) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + Ledger.BATCH_MAX));
                assertThat(ledger.lookupTransfers(chunk)).hasSize(chunk.size());
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
