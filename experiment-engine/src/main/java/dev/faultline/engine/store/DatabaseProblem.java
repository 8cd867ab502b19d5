package dev.faultline.engine.store;

import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * Says in one line what is wrong with the database file and what to do: damaged, not ours to
 * read, or in use by a process that does not answer; H2's own text only as the detail.
 */
final class DatabaseProblem {
    private DatabaseProblem() {}

    static StoreException of(String file, String action, Throwable e) {
        String detail = Database.rootMessage(e);
        if (damaged(e)) {
            return new StoreException(
                    file + " is damaged or is not a Faultline database (" + detail + "): move it aside"
                            + " (mv " + file + " " + file
                            + ".broken) and start again; Faultline makes a new database, and your"
                            + " past runs stay in the moved file",
                    e);
        }
        if (denied(e)) {
            return new StoreException(
                    "cannot " + action + " the database " + file + ": permission denied for "
                            + System.getProperty("user.name")
                            + ": the file and its folder must belong to you (chown -R "
                            + System.getProperty("user.name")
                            + " on the folder), or set FAULTLINE_HOME to a folder of your own",
                    e);
        }
        return new StoreException("cannot " + action + " the database " + file + ": " + detail, e);
    }

    private static boolean damaged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s
                    && (s.getErrorCode() == ErrorCode.FILE_CORRUPTED_1
                            || s.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1)) {
                return true;
            }
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException") && !denied(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean denied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof AccessDeniedException || m.contains("Permission denied") || m.contains("Access denied")) {
                return true;
            }
        }
        return false;
    }
}
