package org.kiungo.peering;

/**
 * Which alarms of one liquidity account are raised: an event is sent when one is raised, none while it stays
 * raised, and a raised alarm is lowered (re-armed) once the balance is back on the right side of its threshold.
 */
public record LiquidityAlarm(boolean lowRaised, boolean highRaised) {
    /** Nothing raised: the state of an account never seen below or above a threshold. */
    public static final LiquidityAlarm NONE = new LiquidityAlarm(false, false);
}
