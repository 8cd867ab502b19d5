package dev.faultline.engine;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * One line for people about a file Faultline could not write: what is wrong and what to do, not
 * only the path that Java's file exceptions give ("/x/faults.jsonl" for a permission error).
 */
public final class DiskErrors {
    private DiskErrors() {}

    /** "cannot write the fault journal /x: no space left on the device; free some space ...". */
    public static String describe(String failedTo, Object path, Throwable e) {
        return failedTo + " " + path + ": " + reason(e);
    }

    /** The cause and the remedy, without the path. */
    public static String reason(Throwable e) {
        String m = String.valueOf(message(e)).toLowerCase(Locale.ROOT);
        if (m.contains("no space left") || m.contains("disk quota")) {
            return "no space left on the device; free some space on that file system (or point FAULTLINE_HOME"
                    + " at another one)";
        }
        if (e instanceof AccessDeniedException
                || m.contains("permission denied")
                || m.contains("operation not permitted")) {
            return "permission denied; make it and its folder writable by user " + System.getProperty("user.name")
                    + " (or point FAULTLINE_HOME at a folder of yours)";
        }
        if (e instanceof ReadOnlyFileSystemException || m.contains("read-only file system")) {
            return "the file system is read-only; point FAULTLINE_HOME at a writable one";
        }
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist or was removed";
        }
        return message(e);
    }

    private static String message(Throwable e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Whether the failure is a full file system. */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) { // getCause() is null, never t itself, at the end
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("no space left") || m.contains("disk quota")) {
                return true;
            }
        }
        return false;
    }
}
