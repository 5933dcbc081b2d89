package org.kiungo.ledger.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;

/**
 * Every finished transfer that has left the live state: the generation being archived, if any, then the segments
 * on disk, newest first. Used by the writer thread only.
 */
final class Archive {
    private final List<Segment> segments = new ArrayList<>();
    private FrozenGeneration frozen;
    /** The newest time in the time-ordered ids of every part: a fresh id, newer still, is in none of them. */
    private long newestTimeOrderedMillis = -1;

    /** Adds a segment recovered from disk or just written; it is searched before older ones. */
    void add(Segment segment) {
        segments.add(0, segment);
        newestTimeOrderedMillis = Math.max(newestTimeOrderedMillis, segment.newestTimeOrderedMillis());
    }

    /** Answers from {@code generation} until its segment is {@link #installed}. */
    void freeze(FrozenGeneration generation) {
        frozen = generation;
        newestTimeOrderedMillis = Math.max(newestTimeOrderedMillis, generation.newestTimeOrderedMillis());
    }

    /** The frozen generation's segment is durable: search it instead of the generation held in memory. */
    void installed(Segment segment) {
        add(segment);
        frozen = null;
    }

    int segmentCount() {
        return segments.size();
    }

    /**
     * Whether {@code id} may be archived at all: the packet path's ids are fresh and time-ordered, so this spares
     * it a test per segment for every transfer, which would grow with the archive.
     */
    private boolean mayHold(UUID id) {
        long millis = Ids.timeOrderedMillis(id);
        return millis < 0 || millis <= newestTimeOrderedMillis;
    }

    Transfer find(UUID id) {
        if (!mayHold(id)) return null;
        if (frozen != null) {
            Transfer found = frozen.find(id);
            if (found != null) return found;
        }
        for (Segment segment : segments) {
            Transfer found = segment.find(id);
            if (found != null) return found;
        }
        return null;
    }

    PendingState state(UUID id) {
        if (!mayHold(id)) return null;
        if (frozen != null) {
            PendingState found = frozen.state(id);
            if (found != null) return found;
        }
        for (Segment segment : segments) {
            PendingState found = segment.state(id);
            if (found != null) return found;
        }
        return null;
    }

    /** From every part, at most {@code max} of the account's transfers after {@code cursor}, unsorted. */
    List<Transfer> after(UUID accountId, long cursor, int max) {
        List<Transfer> found = new ArrayList<>();
        if (frozen != null) found.addAll(frozen.after(accountId, cursor, max));
        for (Segment segment : segments) {
            found.addAll(segment.after(accountId, cursor, max));
        }
        return found;
    }
}
