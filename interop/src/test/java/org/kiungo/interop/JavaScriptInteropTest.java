package org.kiungo.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every interop test class shares: one JavaScript codec server for the class. Where it cannot run, each test
 * is aborted with the reason, so Maven counts and prints them as skipped rather than as passed or as none at all.
 */
abstract class JavaScriptInteropTest {
    /** The server of the running test class; null when it could not start. */
    static JavaScriptCodec js;
    private static String unavailable;

    @BeforeAll
    static void startJavaScript() {
        try {
            js = JavaScriptCodec.start();
            unavailable = null;
        } catch (JavaScriptCodec.Unavailable e) {
            unavailable = e.getMessage();
            System.err.println("interop tests SKIPPED: " + unavailable);
        }
    }

    @BeforeEach
    void requireJavaScript() {
        Assumptions.assumeTrue(js != null, () -> "interop test skipped: " + unavailable);
    }

    @AfterAll
    static void stopJavaScript() {
        if (js != null) {
            js.close();
            js = null;
        }
    }
}
