package org.kiungo.node;

/** The {@code kiungo} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("kiungo: not yet built");
    }
}
