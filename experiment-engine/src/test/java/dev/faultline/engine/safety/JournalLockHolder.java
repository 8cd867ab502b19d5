package dev.faultline.engine.safety;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A process that takes the fault journal's lock and keeps it, as a Faultline stopped (SIGSTOP)
 * in the middle of a journal write would. Prints {@code locked} once it holds the lock.
 */
public final class JournalLockHolder {
    private JournalLockHolder() {}

    public static void main(String[] args) throws Exception {
        try (FileChannel ch = FileChannel.open(
                        Path.of(args[0]),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                var lock = ch.lock()) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
