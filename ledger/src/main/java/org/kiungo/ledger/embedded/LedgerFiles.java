package org.kiungo.ledger.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a ledger directory, by generation {@code g}: {@code journal-g.klj} (the events of generation g),
 * {@code snapshot-g.kls} (the state when generation g began: accounts, open pending transfers; none for the first
 * generation) and {@code archive-g.kla} (the transfers that finished by the end of generation g). The state is
 * snapshot S, the newest one, plus every journal from S on; the archive is every segment before S.
 */
final class LedgerFiles {
    /** The name of the single journal before generations existed; renamed to generation 0 on open. */
    static final String LEGACY_JOURNAL = "journal.klj";
    private static final Pattern NAME = Pattern.compile("(journal|snapshot|archive)-(\\d{1,18})\\.(klj|kls|kla)");

    private final Path directory;

    LedgerFiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    Path journal(long generation) {
        return directory.resolve("journal-" + generation + ".klj");
    }

    Path snapshot(long generation) {
        return directory.resolve("snapshot-" + generation + ".kls");
    }

    Path archive(long generation) {
        return directory.resolve("archive-" + generation + ".kla");
    }

    /** The generations that have a file of {@code kind} ("journal", "snapshot" or "archive"), oldest first. */
    TreeSet<Long> generations(String kind) throws IOException {
        TreeSet<Long> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches() && name.group(1).equals(kind)) found.add(Long.parseLong(name.group(2)));
            }
        }
        return found;
    }

    /**
     * Tidies what a compaction cut short before recovery reads anything: temporary files, the legacy journal
     * name, journals and snapshots older than the newest snapshot, and segments not yet covered by it (they are
     * rewritten by the next compaction). Returns the generation of the newest snapshot, or 0 if there is none.
     */
    long tidy() throws IOException {
        Path legacy = directory.resolve(LEGACY_JOURNAL);
        if (Files.exists(legacy) && generations("journal").isEmpty()) {
            Files.move(legacy, journal(0), StandardCopyOption.ATOMIC_MOVE);
            Directories.force(directory);
        }
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(".tmp")).forEach(stale::add);
        }
        TreeSet<Long> snapshots = generations("snapshot");
        long newest = snapshots.isEmpty() ? 0 : snapshots.last();
        for (long g : snapshots.headSet(newest)) stale.add(snapshot(g));
        for (long g : generations("journal").headSet(newest)) stale.add(journal(g));
        for (long g : generations("archive").tailSet(newest)) stale.add(archive(g));
        for (Path file : stale) Files.deleteIfExists(file);
        if (!stale.isEmpty()) Directories.force(directory);
        return newest;
    }

    /** After snapshot {@code generation} is durable: nothing before it is needed to recover. */
    void dropBefore(long generation) throws IOException {
        for (long g : generations("journal").headSet(generation)) Files.deleteIfExists(journal(g));
        for (long g : generations("snapshot").headSet(generation)) Files.deleteIfExists(snapshot(g));
        Directories.force(directory);
    }
}
