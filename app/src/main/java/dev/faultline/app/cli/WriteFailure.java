package dev.faultline.app.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Why a file that {@code import} or {@code export} writes could not be written, in words: Java's own
 * message for a file-system error is only the path.
 */
final class WriteFailure {
    private WriteFailure() {}

    static String why(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file where a folder is needed; choose another -o";
        }
        if (e instanceof NoSuchFileException n) {
            return "no folder to write it into (" + n.getFile() + "); choose another -o";
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile() + "; choose another -o";
        }
        if (e instanceof FileSystemException f && "Not a directory".equals(f.getReason())) {
            return "a file is in the way of the folder " + f.getFile() + "; choose another -o";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return String.valueOf(e.getMessage());
    }
}
