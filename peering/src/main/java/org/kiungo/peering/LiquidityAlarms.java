package org.kiungo.peering;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.Unsigned64;

/**
 * Watches the liquidity of every peer and asset that has a threshold and raises an event when it crosses one:
 * {@code *.liquidity_low} when it falls to or below {@code liquidityThreshold} (as Rafiki compares), and
 * {@code *.liquidity_high} when it rises to or above {@code liquidityHighThreshold}. An alarm, once raised, sends
 * nothing more while the balance stays on that side; it is lowered (re-armed, silently) once the balance is back
 * strictly above the low threshold or strictly below the high one, so the next crossing raises it again. An
 * account already beyond a threshold when first watched (a peer created with less liquidity than its threshold)
 * counts as crossing it then.
 *
 * <p>The balance is the liquidity the account can still spend: credits posted minus debits posted minus debits
 * pending (DESIGN.md), so money held by packets in flight and by pending withdrawals already counts as gone.
 *
 * <p>Why a periodic {@link #check()} rather than a test inside the packet path: it costs the packet path nothing,
 * it sees every way a balance moves (packets, deposits, withdrawals, expiries, and other replicas sharing the
 * PostgreSQL ledger) through one batched ledger read per check, and it writes to the store only when an alarm
 * changes. The price is that a dip shorter than the check interval can pass unseen; such a dip is a packet's
 * reservation that was voided at once, which is not what an operator needs to hear about.
 */
public final class LiquidityAlarms {
    public static final String PEER_LIQUIDITY_LOW = "peer.liquidity_low";
    public static final String PEER_LIQUIDITY_HIGH = "peer.liquidity_high";
    public static final String ASSET_LIQUIDITY_LOW = "asset.liquidity_low";
    public static final String ASSET_LIQUIDITY_HIGH = "asset.liquidity_high";
    /** Every event type the alarms raise. */
    public static final Set<String> TYPES = Set.of(PEER_LIQUIDITY_LOW, PEER_LIQUIDITY_HIGH, ASSET_LIQUIDITY_LOW,
            ASSET_LIQUIDITY_HIGH);

    private final PeeringStore store;
    private final Ledger ledger;
    private final Clock clock;
    /** The alarm state by liquidity account, loaded from the store at the first check and kept in step with it. */
    private Map<UUID, LiquidityAlarm> alarms;

    LiquidityAlarms(PeeringStore store, Ledger ledger, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Reads every watched balance once, records the alarms that changed and the events they raise, and returns
     * those events. Calls are serialised: a check starts from the state the previous one left.
     */
    public synchronized List<WebhookEvent> check() {
        WebhookEventStore events = store.webhookEvents();
        if (alarms == null) {
            alarms = new HashMap<>(events.alarms());
        }
        List<Watched> watched = watched();
        Map<UUID, BigInteger> balances = balances(watched);
        List<WebhookEvent> raised = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Watched w : watched) {
            BigInteger balance = balances.get(w.accountId());
            if (balance == null) {
                continue;
            }
            seen.add(w.accountId());
            LiquidityAlarm before = alarms.getOrDefault(w.accountId(), LiquidityAlarm.NONE);
            LiquidityAlarm after = new LiquidityAlarm(crossed(balance, w.low(), -1), crossed(balance, w.high(), 1));
            if (after.equals(before)) {
                continue;
            }
            List<WebhookEvent> changed = new ArrayList<>(2);
            if (after.lowRaised() && !before.lowRaised()) {
                changed.add(w.event(w.lowType(), w.low().getAsLong(), balance, clock));
            }
            if (after.highRaised() && !before.highRaised()) {
                changed.add(w.event(w.highType(), w.high().getAsLong(), balance, clock));
            }
            record(events, w.accountId(), after, changed);
            raised.addAll(changed);
        }
        // An alarm whose threshold was removed is lowered, so setting a threshold again starts afresh.
        for (Map.Entry<UUID, LiquidityAlarm> entry : List.copyOf(alarms.entrySet())) {
            if (!seen.contains(entry.getKey()) && !entry.getValue().equals(LiquidityAlarm.NONE)) {
                record(events, entry.getKey(), LiquidityAlarm.NONE, List.of());
            }
        }
        return raised;
    }

    /** The events of {@code types} (all when empty), oldest first, as a page. */
    public Page<WebhookEvent> page(Set<String> types, Integer first, String after, Integer last, String before) {
        return store.webhookEvents().events(types, Page.Request.of(first, after, last, before));
    }

    /** The event with {@code id}, if any. */
    public Optional<WebhookEvent> event(UUID id) {
        return store.webhookEvents().event(id);
    }
    private void record(WebhookEventStore events, UUID accountId, LiquidityAlarm alarm, List<WebhookEvent> raised) {
        events.recordAlarm(accountId, alarm, raised);
        alarms.put(accountId, alarm);
    }

    /** Whether the balance is at or beyond the threshold: at or below for {@code side} -1, at or above for 1. */
    private static boolean crossed(BigInteger balance, OptionalLong threshold, int side) {
        if (threshold.isEmpty()) {
            return false;
        }
        int comparison = balance.compareTo(Unsigned64.toBigInteger(threshold.getAsLong()));
        return comparison == 0 || Integer.signum(comparison) == side;
    }

    private List<Watched> watched() {
        List<Watched> watched = new ArrayList<>();
        Map<UUID, AssetRecord> assets = new HashMap<>();
        for (AssetRecord asset : store.assets()) {
            assets.put(asset.id(), asset);
            if (asset.liquidityThreshold().isPresent() || asset.liquidityHighThreshold().isPresent()) {
                watched.add(new Watched(false, asset.id().toString(), asset.liquidityAccountId(), asset,
                        asset.liquidityThreshold(), asset.liquidityHighThreshold()));
            }
        }
        for (PeerRecord peer : store.peers()) {
            AssetRecord asset = assets.get(peer.assetId());
            if (asset != null && (peer.liquidityThreshold().isPresent()
                    || peer.liquidityHighThreshold().isPresent())) {
                watched.add(new Watched(true, peer.id(), peer.liquidityAccountId(), asset,
                        peer.liquidityThreshold(), peer.liquidityHighThreshold()));
            }
        }
        return watched;
    }

    private Map<UUID, BigInteger> balances(List<Watched> watched) {
        Map<UUID, BigInteger> balances = new HashMap<>();
        for (int start = 0; start < watched.size(); start += Ledger.BATCH_MAX) {
            List<UUID> ids = watched.subList(start, Math.min(watched.size(), start + Ledger.BATCH_MAX)).stream()
                    .map(Watched::accountId).toList();
            for (Account account : ledger.lookupAccounts(ids)) {
                balances.put(account.id(), account.available());
            }
        }
        return balances;
    }

    /** A peer's or asset's liquidity account with its thresholds. */
    private record Watched(boolean peer, String ownerId, UUID accountId, AssetRecord asset, OptionalLong low,
                           OptionalLong high) {
        String lowType() {
            return peer ? PEER_LIQUIDITY_LOW : ASSET_LIQUIDITY_LOW;
        }

        String highType() {
            return peer ? PEER_LIQUIDITY_HIGH : ASSET_LIQUIDITY_HIGH;
        }

        /** Rafiki's data: the owner's id, its asset, the threshold crossed and the balance; amounts as strings. */
        WebhookEvent event(String type, long threshold, BigInteger balance, Clock clock) {
            String data = "{\"asset\":{\"code\":" + Json.string(asset.code()) + ",\"id\":\"" + asset.id()
                    + "\",\"scale\":" + asset.scale() + "},\"balance\":\"" + balance + "\",\"id\":"
                    + Json.string(ownerId) + ",\"liquidityThreshold\":\"" + Unsigned64.toString(threshold) + "\"}";
            return WebhookEvent.raised(type, data, clock.instant());
        }
    }

}
