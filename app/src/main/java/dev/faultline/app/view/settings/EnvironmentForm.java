package dev.faultline.app.view.settings;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.env.Environments;
import dev.faultline.engine.env.EnvironmentsFile;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.SettingsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One environment edited by form: its name, the production flag and its backends' settings, one row
 * per setting. The form and the environments file's YAML are two views of one text: the names
 * listed are those of the text, editing one fills the form from it, and applying the form writes the
 * text again (then checked and saved as typed YAML is).
 */
public final class EnvironmentForm {
    private final StringProperty fileText;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty production = new SimpleBooleanProperty(false);
    private final ObservableList<SettingRow> settings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** The environment the form was filled from: applying replaces it (a rename too); empty for a new one. */
    private String editing = "";

    EnvironmentForm(StringProperty fileText) {
        this.fileText = fileText;
        fileText.addListener((o, a, b) -> readNames());
    }

    /** The environments the file defines (the built-in sandbox and local are not in it). */
    public ObservableList<String> names() {
        return names;
    }

    private void readNames() {
        try {
            names.setAll(userDefined().keySet());
        } catch (SettingsException e) {
            // the text has problems: the list stays as it was, the problems are shown under the YAML
        }
    }

    private Map<String, Environment> userDefined() throws SettingsException {
        String text = fileText.get();
        Map<String, Environment> out = new TreeMap<>();
        if (SettingsViewModel.problemsOf(text).isEmpty()
                && !text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"))) {
            Environments parsed = EnvironmentsFile.parse(text, "environments.yaml");
            Environments builtIn = Environments.builtIn();
            for (Environment e : parsed.all()) {
                if (!builtIn.find(e.name()).map(e::equals).orElse(false)) {
                    out.put(e.name(), e);
                }
            }
        }
        return out;
    }

    /** Fills the form from the environment of that name in the file. */
    public void edit(String environment) {
        try {
            Environment e = userDefined().get(environment);
            if (e == null) {
                return;
            }
            editing = environment;
            name.set(e.name());
            production.set(e.production());
            List<SettingRow> rows = new ArrayList<>();
            for (BackendSettings s : new TreeMap<>(e.backends()).values()) {
                new TreeMap<>(s.values().values()).forEach((k, v) -> rows.add(new SettingRow(s.backend(), k, v)));
            }
            settings.setAll(rows);
            problem.set("");
        } catch (SettingsException e) {
            problem.set("the file has problems: fix them in the YAML first");
        }
    }

    /** An empty form for a new environment. */
    public void startNew() {
        editing = "";
        name.set("");
        production.set(false);
        settings.clear();
        problem.set("");
    }

    public SettingRow addSetting(String backend, String key, String value) {
        SettingRow r = new SettingRow(backend.strip(), key.strip(), value.strip());
        settings.add(r);
        return r;
    }

    public void removeSetting(SettingRow row) {
        settings.remove(row);
    }

    /** The environment the form describes, as the engine reads it; throws with what is wrong. */
    public Environment toEnvironment() {
        String n = name.get().strip();
        Map<String, Map<String, String>> byBackend = new LinkedHashMap<>();
        for (SettingRow r : settings) {
            if (r.backend().isBlank() || r.key().isBlank()) {
                throw new IllegalArgumentException("every setting needs its backend and its name");
            }
            byBackend.computeIfAbsent(r.backend(), b -> new TreeMap<>()).put(r.key(), r.value());
        }
        Map<String, BackendSettings> backends = new LinkedHashMap<>();
        byBackend.forEach((b, v) -> backends.put(b, new BackendSettings(b, new Params(v))));
        return new Environment(n, production.get(), false, backends);
    }

    /**
     * Writes the form into the file's text (replacing the environment it was filled from); false,
     * with {@link #problemProperty()} saying why, when the form or the text it makes has a problem.
     */
    public boolean apply() {
        Map<String, Environment> all;
        Environment e;
        try {
            all = new TreeMap<>(userDefined());
            e = toEnvironment();
        } catch (SettingsException | IllegalArgumentException ex) {
            problem.set(ex.getMessage() == null ? "the form is not complete" : ex.getMessage());
            return false;
        }
        if (e.name().isBlank()) {
            problem.set("name: give the environment a name, e.g. staging");
            return false;
        }
        if (!e.name().equals(editing)
                && (all.containsKey(e.name())
                        || Environments.builtIn().find(e.name()).isPresent())) {
            problem.set("name: there is an environment '" + e.name() + "' already");
            return false;
        }
        all.remove(editing);
        all.put(e.name(), e);
        String text = EnvironmentsYaml.write(all.values());
        var found = SettingsViewModel.problemsOf(text);
        if (!found.isEmpty()) {
            problem.set(found.stream()
                    .map(p -> p.field() + ": " + p.message())
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse(""));
            return false;
        }
        fileText.set(text);
        editing = e.name();
        problem.set("");
        return true;
    }

    /** Removes an environment from the file's text. */
    public void remove(String environment) {
        try {
            Map<String, Environment> all = new TreeMap<>(userDefined());
            if (all.remove(environment) != null) {
                fileText.set(all.isEmpty() ? SettingsViewModel.EXAMPLE : EnvironmentsYaml.write(all.values()));
                if (environment.equals(editing)) {
                    startNew();
                }
            }
        } catch (SettingsException ex) {
            problem.set("the file has problems: fix them in the YAML first");
        }
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty productionProperty() {
        return production;
    }

    public ObservableList<SettingRow> settings() {
        return settings;
    }

    /** What stops the form from being applied, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
