package org.kiungo.ledger.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot file: the live state when a generation began, in the journal's frame format (account images, open
 * pending transfers, then the watermark). Written under a temporary name, made durable, then renamed, so a file
 * with its final name is always whole; recovery still refuses one whose frames do not all check out.
 */
final class Snapshot {
    /** Events per frame, well within a frame's size. */
    private static final int FRAME_EVENTS_MAX = Journal.FRAME_BYTES_MAX / EventCodec.EVENT_BYTES_MAX;

    private Snapshot() {
    }

    static void write(Path file, LedgerState.Image image) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        List<Event> events = new ArrayList<>(image.accounts().size() + image.openPendings().size() + 1);
        image.accounts().forEach(account -> events.add(new Event.AccountImage(account)));
        image.openPendings().forEach(pending -> events.add(new Event.OpenPending(pending)));
        events.add(new Event.Watermark(image.lastTimestamp()));
        try (Journal journal = Journal.create(temporary)) {
            for (int from = 0; from < events.size(); from += FRAME_EVENTS_MAX) {
                journal.append(events, from, Math.min(events.size(), from + FRAME_EVENTS_MAX));
                journal.writeFrame();
            }
            journal.force();
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        Directories.force(file.getParent());
    }

    static void read(Path file, LedgerState state) throws IOException {
        Journal.ReadResult read = Journal.read(file, state::apply);
        if (read.torn()) {
            throw new IOException("ledger snapshot is corrupt after byte " + read.validBytes() + ": " + file);
        }
    }
}
