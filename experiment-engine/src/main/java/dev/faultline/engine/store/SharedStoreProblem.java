package dev.faultline.engine.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Says in one line why the shared store cannot be used and what to do: host unreachable,
 * authentication failed, TLS failed, no such database, schema too new; the driver's own words
 * only as the detail, never a password.
 */
final class SharedStoreProblem {
    private SharedStoreProblem() {}

    /** What went wrong, as a {@link Kind}, for the settings screen and {@code faultline store test}. */
    enum Kind {
        UNREACHABLE,
        AUTHENTICATION,
        TLS,
        NO_DATABASE,
        PERMISSION,
        SCHEMA_TOO_NEW,
        OTHER
    }

    static Kind kind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof SSLException
                    || m.contains("ssl")
                    || m.contains("certificate")
                    || m.contains("could not be verified")) {
                return Kind.TLS;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.equals("28P01") || state.equals("28000")) {
                    return Kind.AUTHENTICATION;
                }
                if (state.equals("3D000")) {
                    return Kind.NO_DATABASE;
                }
                if (state.equals("42501")) {
                    return Kind.PERMISSION;
                }
            }
            if (t instanceof UnknownHostException
                    || t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return Kind.UNREACHABLE;
            }
        }
        return Kind.OTHER;
    }

    static StoreException of(SharedStoreSettings s, String action, Throwable e) {
        String detail = Database.rootMessage(e);
        String where = s.describe();
        String text = switch (kind(e)) {
            case UNREACHABLE ->
                "host unreachable: cannot " + action + " " + where + " (" + detail
                        + "): check the URL's host and port, that PostgreSQL runs there and that no firewall is in the way";
            case AUTHENTICATION ->
                "authentication failed: " + where + " refused the user " + s.user() + " (" + detail
                        + "): check the user, and the password that " + s.password() + " holds";
            case TLS ->
                "TLS failed: cannot " + action + " " + where + " securely (" + detail
                        + "): put the server's CA certificate in ~/.postgresql/root.crt or name it with sslrootcert=… in"
                        + " the URL, and use the host name the certificate names (docs/team-mode.md)";
            case NO_DATABASE ->
                "no such database: " + where + " has no database " + s.database() + " (" + detail
                        + "): ask the DBA to create it (docs/team-mode.md)";
            case PERMISSION ->
                "permission denied: the user " + s.user() + " may not " + action + " " + where + " (" + detail
                        + "): ask the DBA for the grants in docs/team-mode.md";
            case SCHEMA_TOO_NEW, OTHER -> "cannot " + action + " " + where + ": " + detail;
        };
        return new StoreException(text, e);
    }
}
