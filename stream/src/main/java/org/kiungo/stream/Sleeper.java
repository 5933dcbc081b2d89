package org.kiungo.stream;

import java.time.Duration;

/** Waits between retries; tests record the pauses instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread, which is a virtual thread in the node. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
