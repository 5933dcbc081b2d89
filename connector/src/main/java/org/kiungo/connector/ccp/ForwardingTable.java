package org.kiungo.connector.ccp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.kiungo.codec.ccp.Route;
import org.kiungo.codec.ccp.RouteUpdateRequest;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * The routes this node advertises, under a routing table id chosen at random each start, with an epoch counter
 * that each change advances. Each prefix keeps only its latest change (a route, or a withdrawal), stamped with the
 * epoch it was made in, so the log is bounded by the number of prefixes and a peer that knows epoch {@code e}
 * catches up with the changes stamped {@code e} or later. Not thread-safe: the speaker guards it.
 */
final class ForwardingTable {
    /** The most withdrawals remembered; beyond it the oldest are forgotten and late peers resync from epoch 0. */
    static final int WITHDRAWALS_MAX = 100_000;
    /** The most changes one update carries (routes and withdrawals); a peer further behind gets the rest later. */
    static final int UPDATE_CHANGES_MAX = 500;

    /** The latest change of one prefix: {@code route} empty means withdrawn. */
    private record Change(IlpAddress prefix, long epoch, String nextHop, Optional<Route> route) {
    }

    private final UUID id;
    private final Map<IlpAddress, Change> changes = new HashMap<>();
    private long currentEpoch;
    private int withdrawals;
    /** Changes before this epoch may be forgotten: a peer that knows less must start again from 0. */
    private long oldestKnownEpoch;

    ForwardingTable(UUID id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    UUID id() {
        return id;
    }

    long currentEpoch() {
        return currentEpoch;
    }

    /**
     * Makes {@code routes} (prefix to next hop and the route as we advertise it) the whole table, logging a change
     * for each prefix whose next hop or route differs and a withdrawal for each prefix no longer present.
     */
    void replaceWith(Map<IlpAddress, RouteCandidate> routes) {
        List<IlpAddress> gone = new ArrayList<>();
        changes.forEach((prefix, change) -> {
            if (change.route().isPresent() && !routes.containsKey(prefix)) {
                gone.add(prefix);
            }
        });
        gone.stream().sorted().forEach(prefix -> log(new Change(prefix, currentEpoch, "", Optional.empty())));
        routes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Change before = changes.get(entry.getKey());
            RouteCandidate after = entry.getValue();
            if (before == null || before.route().isEmpty() || !before.nextHop().equals(after.nextHop())
                    || !before.route().get().equals(after.route())) {
                log(new Change(entry.getKey(), currentEpoch, after.nextHop(), Optional.of(after.route())));
            }
        });
    }

    private void log(Change change) {
        Change before = changes.put(change.prefix(), change);
        if (before != null && before.route().isEmpty()) {
            withdrawals--;
        }
        if (change.route().isEmpty()) {
            withdrawals++;
        }
        currentEpoch++;
        if (withdrawals > WITHDRAWALS_MAX) {
            forgetOldestWithdrawal();
        }
    }

    private void forgetOldestWithdrawal() {
        Change oldest = changes.values().stream().filter(change -> change.route().isEmpty())
                .min(Comparator.comparingLong(Change::epoch)).orElseThrow();
        changes.remove(oldest.prefix());
        withdrawals--;
        oldestKnownEpoch = Math.max(oldestKnownEpoch, oldest.epoch() + 1);
    }

    /**
     * The update that brings {@code peerId}, which knows our table up to {@code fromEpoch}, as far forward as one
     * update may. Split horizon: a route whose next hop is that peer goes to it as a withdrawal, never as a route.
     */
    RouteUpdateRequest updateFor(String peerId, long fromEpoch, IlpAddress speaker, long holdDownTimeMs) {
        long from = fromEpoch < oldestKnownEpoch || fromEpoch > currentEpoch ? 0 : fromEpoch;
        List<Change> pending = changes.values().stream().filter(change -> change.epoch() >= from)
                .sorted(Comparator.comparingLong(Change::epoch)).limit(UPDATE_CHANGES_MAX + 1L).toList();
        long to = currentEpoch;
        if (pending.size() > UPDATE_CHANGES_MAX) {
            to = pending.get(UPDATE_CHANGES_MAX).epoch();
            pending = pending.subList(0, UPDATE_CHANGES_MAX);
        }
        List<Route> newRoutes = new ArrayList<>();
        List<IlpAddress> withdrawn = new ArrayList<>();
        for (Change change : pending) {
            if (change.route().isPresent() && !change.nextHop().equals(peerId)) {
                newRoutes.add(change.route().get());
            } else if (from > 0 || change.route().isPresent()) {
                // From epoch 0 the peer holds nothing of ours, so old withdrawals would tell it nothing.
                withdrawn.add(change.prefix());
            }
        }
        return new RouteUpdateRequest(id, currentEpoch, from, to, holdDownTimeMs, speaker, newRoutes, withdrawn);
    }
}
