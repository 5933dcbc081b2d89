package org.kiungo.peering;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where webhook events and liquidity alarms survive a restart, in the peering store's database. Each method is one
 * transaction, so an alarm is never raised without its event being kept, nor an event kept twice.
 */
public interface WebhookEventStore {
    /** Sets the alarm state of a liquidity account and keeps the events its change raised, together. */
    void recordAlarm(UUID accountId, LiquidityAlarm alarm, List<WebhookEvent> raised);

    /** The alarm state of every account that has one. */
    Map<UUID, LiquidityAlarm> alarms();

    /** Pending events due at {@code now}, the earliest first, at most {@code limit}. */
    List<WebhookEvent> due(Instant now, int limit);

    /** Replaces an event's delivery state after an attempt. */
    void updateDelivery(WebhookEvent event);

    Optional<WebhookEvent> event(UUID id);

    /** A page of the events of the given types (every type when empty), oldest first. */
    Page<WebhookEvent> events(Set<String> types, Page.Request request);
}
