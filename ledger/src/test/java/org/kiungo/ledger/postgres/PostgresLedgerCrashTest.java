package org.kiungo.ledger.postgres;

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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.LedgerContractTest;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferPage;

class PostgresLedgerCrashTest {
    private static final int ROUNDS = 2;

    @RegisterExtension
    final TestDatabase database = new TestDatabase();

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
                PostgresCrashChild.class.getName(), database.url(), source.toString(), destination.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<UUID, Long> acknowledged = new HashMap<>();
        int killAfter = 1_000 + ThreadLocalRandom.current().nextInt(5_000);
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("READY");
            for (String line; acknowledged.size() < killAfter && (line = lines.readLine()) != null; ) {
                String[] parts = line.split(" ");
                acknowledged.put(UUID.fromString(parts[0]), Long.parseLong(parts[1]));
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(killAfter);
        return acknowledged;
    }

    /** A new engine finds every acknowledged transfer, and the balance is the sum of the transfers found. */
    private void assertRecovered(UUID source, UUID destination, Map<UUID, Long> acknowledged) {
        try (Ledger ledger = PostgresLedger.open(database.newPool(), Clock.systemUTC())) {
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
