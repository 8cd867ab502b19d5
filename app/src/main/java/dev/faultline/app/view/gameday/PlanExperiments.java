package dev.faultline.app.view.gameday;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.jspecify.annotations.Nullable;

/**
 * The plan's experiments in their order, each named as the GameDay file names it, with the titles
 * known for them; a renamed or removed experiment takes its title and its crew with it.
 */
final class PlanExperiments {
    private final ExperimentCrews crews;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    /** The experiments' titles, by the name the plan gives them, as far as they are known. */
    private final ObservableMap<String, String> titles = FXCollections.observableHashMap();
    // One read-only view each, kept: a wrapper made per call would be collected with its listeners.
    private final ObservableList<String> namesView = FXCollections.unmodifiableObservableList(names);
    private final ObservableMap<String, String> titlesView = FXCollections.unmodifiableObservableMap(titles);

    PlanExperiments(ExperimentCrews crews) {
        this.crews = crews;
    }

    ObservableList<String> view() {
        return namesView;
    }

    ObservableMap<String, String> titlesView() {
        return titlesView;
    }

    List<String> copy() {
        return List.copyOf(names);
    }

    boolean contains(String experiment) {
        return names.contains(experiment);
    }

    void setAll(List<String> experiments) {
        names.setAll(experiments);
    }

    void clear() {
        names.clear();
    }

    /** Adds {@code name} unless the plan has it: a GameDay runs each experiment once. */
    void add(String name) {
        if (!names.contains(name)) {
            names.add(name);
        }
    }

    void remove(@Nullable String experiment) {
        names.remove(experiment);
        crews.remove(experiment);
    }

    /** Moves the experiment at {@code index} by {@code by} places; its new index, or -1 when it cannot move there. */
    int move(int index, int by) {
        int j = index + by;
        if (index < 0 || index >= names.size() || j < 0 || j >= names.size()) {
            return -1;
        }
        String s = names.remove(index);
        names.add(j, s); // its crew is kept by name
        return j;
    }

    void setTitle(String experiment, String title) {
        titles.put(experiment, title);
    }

    /** The experiment's title when known, else its file name. */
    String title(String experiment) {
        String t = titles.get(experiment);
        return t == null || t.isBlank() ? ExperimentNames.fileName(experiment) : t;
    }

    /** Names every experiment by its absolute path, relative ones read from {@code folder}. */
    void absolutizeFrom(Path folder) {
        // a title and crew go with the name: after a Save As they read as file names
        names.replaceAll(e -> rename(e, ExperimentNames.absolute(folder, e)));
    }

    /** Names every experiment relative to {@code folder}. */
    void relativizeTo(Path folder) {
        Path dir = folder.toAbsolutePath();
        names.replaceAll(e ->
                Path.of(e).isAbsolute() ? rename(e, dir.relativize(Path.of(e)).toString()) : e);
    }

    private String rename(String from, String to) {
        if (!to.equals(from)) {
            crews.rename(from, to);
            String t = titles.get(from);
            if (t != null) {
                titles.put(to, t);
            }
        }
        return to;
    }
}
