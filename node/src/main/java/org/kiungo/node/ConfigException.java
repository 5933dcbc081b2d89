package org.kiungo.node;

import java.util.List;

/** The configuration is unusable: every problem found, one clear sentence each, none quoting a secret. */
public final class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
