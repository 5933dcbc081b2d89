package org.kiungo.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven built, read from a resource it filled in. */
final class Version {
    private static final String RESOURCE = "kiungo-version.properties";

    private Version() {
    }

    static String current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
