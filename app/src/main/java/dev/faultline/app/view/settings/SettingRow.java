package dev.faultline.app.view.settings;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One setting of an environment in the form: which backend, which key, which value. */
public final class SettingRow {
    final StringProperty backend = new SimpleStringProperty("");
    final StringProperty key = new SimpleStringProperty("");
    final StringProperty value = new SimpleStringProperty("");

    SettingRow(String backend, String key, String value) {
        this.backend.set(backend);
        this.key.set(key);
        this.value.set(value);
    }

    public String backend() {
        return backend.get();
    }

    public String key() {
        return key.get();
    }

    public String value() {
        return value.get();
    }

    /** Changes the row (the form's dialog). */
    public void set(String backend, String key, String value) {
        this.backend.set(backend.strip());
        this.key.set(key.strip());
        this.value.set(value.strip());
    }
}
