package dev.faultline.app.view.settings;

import dev.faultline.app.view.common.Work;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.store.SharedStoreSettings;
import dev.faultline.engine.store.StoreCheck;
import dev.faultline.engine.store.StoreSettingsFile;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Team mode by form: the shared PostgreSQL's JDBC URL, the login, and the password as a reference
 * ({@code env:NAME} or {@code file:/path}, never the password). "Test connection" runs off the FX
 * thread ({@link Work}) and says in one line what works or what is wrong; saving writes
 * {@code store.properties}, used from the next start; "Use this desktop's database" removes it.
 */
public final class SharedStoreForm {
    private final StoreSettingsFile file;
    private final Work work;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tls = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);

    public SharedStoreForm(FaultlineHome home, Work work) {
        this.file = StoreSettingsFile.of(home);
        this.work = work;
        url.addListener((o, a, b) -> tls.set(tlsText()));
    }

    /** Fills the form from {@code store.properties} (empty: this desktop's own database). */
    public void load() {
        work.run(
                "read-store-settings",
                file::read,
                (Optional<SharedStoreSettings> s) -> {
                    s.ifPresent(v -> {
                        url.set(v.url());
                        user.set(v.user());
                        password.set(v.password().reference());
                    });
                    result.set(s.isPresent() ? "" : "this desktop uses its own database");
                },
                err -> result.set(err.getMessage()));
    }

    /** The settings as the form has them, or why they are not settings. */
    private SharedStoreSettings settings() {
        String ref = password.get().strip();
        String problem = SecretRef.problem(ref);
        if (problem != null) {
            throw new IllegalArgumentException("password: " + problem);
        }
        return new SharedStoreSettings(url.get().strip(), user.get().strip(), new SecretRef(ref));
    }

    /** Tests the connection as the form has it, in the background; {@link #resultProperty()} says what it found. */
    public void test() {
        SharedStoreSettings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            result.set(e.getMessage());
            return;
        }
        testing.set(true);
        result.set("testing " + s.describe() + "…");
        work.run(
                "test-shared-store",
                () -> StoreCheck.check(s),
                o -> {
                    testing.set(false);
                    result.set(o.line());
                },
                err -> {
                    testing.set(false);
                    result.set("the test failed: " + err.getMessage());
                });
    }

    /** Saves the form into {@code store.properties}: the shared store is used from the next start. */
    public void save() {
        SharedStoreSettings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            result.set(e.getMessage());
            return;
        }
        work.run(
                "save-store-settings",
                () -> {
                    file.write(s);
                    return file.path();
                },
                p -> result.set("saved in " + p + ": Faultline uses " + s.describe() + " from its next start"),
                err -> result.set("not saved: " + err.getMessage()));
    }

    /** Back to this desktop's own database (from the next start); the shared store is left as it is. */
    public void useLocal() {
        work.run(
                "remove-store-settings",
                () -> {
                    file.remove();
                    return file.path();
                },
                p -> result.set("this desktop uses its own database from its next start"),
                err -> result.set("not changed: " + err.getMessage()));
    }

    private String tlsText() {
        String u = url.get().strip();
        if (SharedStoreSettings.urlProblem(u) != null) {
            return "";
        }
        SharedStoreSettings s = new SharedStoreSettings(u, "x", new SecretRef("env:X"));
        return s.verifiesServer()
                ? "TLS: on, the server's certificate and host name are checked (sslmode=verify-full)"
                : s.loopback()
                        ? "TLS: not required on this machine's loopback"
                        : "TLS: sslmode=" + s.sslMode() + ", the server is NOT verified";
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tlsProperty() {
        return tls.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }
}
