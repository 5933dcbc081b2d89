package org.kiungo.ledger.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Durability of directory entries: a new or renamed file survives a crash only once its directory is synced. */
final class Directories {
    private Directories() {
    }

    static void force(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for sync; Linux, where the node runs, can.
            if (!System.getProperty("os.name").startsWith("Windows")) throw e;
        }
    }
}
