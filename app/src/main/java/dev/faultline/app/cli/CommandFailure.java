package dev.faultline.app.cli;

import dev.faultline.engine.FaultlineException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * What a failed command tells its user, in one line: a {@link FaultlineException}'s message as
 * written for them; a file problem with the file, what is wrong and what to do (Java's own message
 * is only the path); anything else with where the details are.
 */
final class CommandFailure {
    private CommandFailure() {}

    static String oneLine(Throwable ex) {
        if (ex instanceof FaultlineException) {
            return ex.getMessage();
        }
        String user = System.getProperty("user.name");
        if (ex instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile() + " for " + user + ": it (and its folder) must be yours to"
                    + " write; fix its owner or mode (ls -l " + a.getFile() + "), or choose another path";
        }
        if (ex instanceof NoSuchFileException n) {
            return n.getFile() + " does not exist (or its folder does not): check the path";
        }
        if (ex instanceof FileSystemException f && f.getReason() != null) {
            return "cannot use " + f.getFile() + ": " + f.getReason()
                    + ("No space left on device".equals(f.getReason())
                            ? ": free some space on that file system and try again"
                            : "");
        }
        String what = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return what.lines().findFirst().orElse(what) + " (details in the log file, " + logFile() + ")";
    }

    private static String logFile() {
        String dir = System.getProperty("faultline.logdir");
        return dir == null ? "faultline.log" : dir + "/faultline.log";
    }
}
