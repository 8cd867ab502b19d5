package dev.faultline.app.cli;

import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.store.SharedStoreSettings;
import dev.faultline.engine.store.StoreCheck;
import dev.faultline.engine.store.StoreException;
import dev.faultline.engine.store.StoreSettingsFile;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline store}: which store this desktop uses (the local database, or a team's shared
 * PostgreSQL), set it, and test the connection in one line.
 */
@Command(
        name = "store",
        description = "The store: this desktop's own database, or the team's shared PostgreSQL (docs/team-mode.md).",
        subcommands = {
            StoreCommand.Show.class,
            StoreCommand.Test.class,
            StoreCommand.Use.class,
            StoreCommand.Local.class,
            StoreCommand.Grants.class
        })
final class StoreCommand implements Runnable {
    @ParentCommand
    FaultlineCommand root;

    @Override
    public void run() {
        root.err().println("faultline store: say what, e.g. 'faultline store show' or 'faultline store test'");
    }

    StoreSettingsFile file() {
        return StoreSettingsFile.of(root.home());
    }

    /** The settings given on the command line, else the saved ones; empty: the local database. */
    Optional<SharedStoreSettings> settings(@Nullable String url, @Nullable String user, @Nullable String password)
            throws StoreException {
        if (url == null && user == null && password == null) {
            return file().read();
        }
        if (url == null || user == null || password == null) {
            throw new IllegalArgumentException(
                    "give all of --url, --user and --password, or none (the saved settings)");
        }
        return Optional.of(new SharedStoreSettings(url, user, new SecretRef(password)));
    }

    @Command(name = "show", description = "Which store this desktop uses.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Override
        public Integer call() throws Exception {
            Optional<SharedStoreSettings> s = store.file().read();
            if (s.isEmpty()) {
                store.root.out().println("local database " + store.root.home().database() + ".mv.db");
                return ExitCodes.OK;
            }
            SharedStoreSettings v = s.get();
            store.root.out().println("shared store " + v.url());
            store.root.out().println("  user       " + v.user());
            store.root.out().println("  password   " + v.password().reference());
            store.root
                    .out()
                    .println("  TLS        sslmode=" + v.sslMode()
                            + (v.verifiesServer()
                                    ? " (certificate and host name checked)"
                                    : v.loopback() ? " (this machine's loopback)" : " (the server is NOT verified)"));
            store.root.out().println("  settings   " + store.file().path());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "test",
            description = "Connect to the shared store (the saved settings, or the ones given) and say in one line"
                    + " what works or what is wrong; creates and changes nothing.")
    static final class Test implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Option(names = "--url", description = "jdbc:postgresql://HOST[:PORT]/DATABASE[?sslmode=...&sslrootcert=...]")
        @Nullable
        String url;

        @Option(names = "--user", description = "the PostgreSQL login")
        @Nullable
        String user;

        @Option(
                names = "--password",
                description = "where the password is: env:VARIABLE or file:/path (never the password)")
        @Nullable
        String password;

        @Override
        public Integer call() {
            Optional<SharedStoreSettings> s;
            try {
                s = store.settings(url, user, password);
            } catch (StoreException | IllegalArgumentException e) {
                store.root.err().println("faultline: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            if (s.isEmpty()) {
                store.root
                        .out()
                        .println(
                                "this desktop uses its local database (no shared store is set: faultline store use ...)");
                return ExitCodes.OK;
            }
            StoreCheck.Outcome o = StoreCheck.check(s.get());
            (o.ok() ? store.root.out() : store.root.err()).println(o.ok() ? o.line() : "faultline: " + o.line());
            return o.ok() ? ExitCodes.OK : ExitCodes.COULD_NOT_RUN;
        }
    }

    @Command(
            name = "use",
            description =
                    "Use a team's shared PostgreSQL from now on (saved in store.properties in Faultline's home);"
                            + " the connection is tested first, and nothing is saved when it fails (--anyway saves all the same).")
    static final class Use implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Option(names = "--url", required = true, description = "jdbc:postgresql://HOST[:PORT]/DATABASE")
        String url = "";

        @Option(names = "--user", required = true, description = "the PostgreSQL login")
        String user = "";

        @Option(names = "--password", required = true, description = "env:VARIABLE or file:/path (never the password)")
        String password = "";

        @Option(names = "--anyway", description = "save the settings even when the test fails")
        boolean anyway;

        @Override
        public Integer call() {
            SharedStoreSettings s;
            try {
                s = new SharedStoreSettings(url, user, new SecretRef(password));
            } catch (IllegalArgumentException e) {
                store.root.err().println("faultline: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            StoreCheck.Outcome o = StoreCheck.check(s);
            if (!o.ok() && !anyway) {
                store.root.err().println("faultline: " + o.line() + " (nothing saved; --anyway saves all the same)");
                return ExitCodes.COULD_NOT_RUN;
            }
            try {
                store.file().write(s);
            } catch (IOException e) {
                store.root
                        .err()
                        .println("faultline: cannot save " + store.file().path() + ": " + CommandFailure.oneLine(e));
                return ExitCodes.COULD_NOT_RUN;
            }
            store.root.out().println((o.ok() ? o.line() : "saved although: " + o.line()));
            store.root
                    .out()
                    .println("this desktop now uses " + s.describe() + " (saved in "
                            + store.file().path() + ")");
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "local",
            description = "Go back to this desktop's own database (the shared store is left as it is).")
    static final class Local implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Override
        public Integer call() {
            try {
                store.file().remove();
            } catch (IOException e) {
                store.root
                        .err()
                        .println("faultline: cannot remove " + store.file().path() + ": " + CommandFailure.oneLine(e));
                return ExitCodes.COULD_NOT_RUN;
            }
            store.root
                    .out()
                    .println("this desktop uses its local database "
                            + store.root.home().database() + ".mv.db");
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "grants",
            description = "Print the SQL a DBA runs once (as the tables' owner, after the first start) so that"
                    + " PostgreSQL enforces the GameDay's roles (docs/team-mode.md, Roles).")
    static final class Grants implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Override
        public Integer call() {
            store.root.out().print(dev.faultline.engine.store.TeamRoles.dbaSetUp());
            store.root.out().flush();
            return ExitCodes.OK;
        }
    }
}
