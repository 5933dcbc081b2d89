package org.kiungo.admin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kiungo.peering.LiquidityAlarms;
import org.kiungo.peering.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's webhook loop: every {@link #ROUND_INTERVAL} one round checks the liquidity alarms (recording the
 * events their crossings raise) and then sends the events due, when a webhook URL is configured. Without one, the
 * events are still recorded and shown by the admin API. One thread runs the rounds, so an event is never sent
 * twice at once by one node.
 */
public final class Webhooks implements AutoCloseable {
    /** Time between two rounds: how late a crossing may be noticed, and a retry sent, at most. */
    public static final Duration ROUND_INTERVAL = Duration.ofMillis(250);
    /** How long closing waits for a round in progress. */
    public static final Duration CLOSE_WAIT_MAX = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

    private final LiquidityAlarms alarms;
    private final Optional<WebhookDelivery> delivery;
    private ScheduledExecutorService rounds;

    /** The loop over {@code alarms}, sending with {@code delivery} when present; call {@link #start} to run it. */
    public Webhooks(LiquidityAlarms alarms, Optional<WebhookDelivery> delivery) {
        this.alarms = alarms;
        this.delivery = delivery;
    }

    /** Runs rounds on a thread of their own until {@link #close()}. */
    public synchronized Webhooks start() {
        if (rounds == null) {
            rounds = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "kiungo-webhooks");
                thread.setDaemon(true);
                return thread;
            });
            rounds.scheduleWithFixedDelay(this::roundLogged, 0, ROUND_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** One round: the alarms checked, then the events due sent. Returns the events raised. */
    public List<WebhookEvent> round() {
        List<WebhookEvent> raised = alarms.check();
        for (WebhookEvent event : raised) {
            LOG.info("liquidity event {} {} raised: {}", event.type(), event.id(), event.data());
        }
        delivery.ifPresent(WebhookDelivery::deliverDue);
        return raised;
    }

    private void roundLogged() {
        try {
            round();
        } catch (RuntimeException e) {
            // The next round tries again; a store or ledger that stays down is logged every round.
            LOG.error("webhook round failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (rounds != null) {
            rounds.shutdown();
            try {
                if (!rounds.awaitTermination(CLOSE_WAIT_MAX.toMillis(), TimeUnit.MILLISECONDS)) {
                    rounds.shutdownNow();
                }
            } catch (InterruptedException e) {
                rounds.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        delivery.ifPresent(WebhookDelivery::close);
    }
}
