package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.runbook.RunbookProblem;
import dev.faultline.engine.runbook.RunbookWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tools.jackson.databind.JsonNode;

/**
 * The experiment being edited, shared by the timeline, the property sheet, the panels and the YAML
 * tab. The visual model is an immutable {@link Experiment}; the YAML is its text. Every change goes
 * through the runbook loader the command line uses, so the editor accepts exactly what a run
 * accepts, and an invalid YAML text never loses the visual model.
 */
public final class EditorViewModel {
    private final RunbookLoader loader;
    private final RunbookWriter writer = new RunbookWriter();
    private final RunbookFields fields = new RunbookFields();
    private final EditHistory history = new EditHistory();
    private final ReadOnlyObjectWrapper<Experiment> experiment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper yaml = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper file = new ReadOnlyStringWrapper("untitled.yaml");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final StringProperty selected = new SimpleStringProperty("");
    private final ObservableList<RunbookProblem> problems = FXCollections.observableArrayList();

    public EditorViewModel(RunbookLoader loader) {
        this.loader = loader;
    }

    /** Opens a loaded runbook: its own text (with its comments) is the YAML. */
    public void open(LoadedRunbook runbook) {
        history.clear();
        file.set(runbook.file());
        experiment.set(runbook.experiment());
        yaml.set(runbook.text());
        problems.clear();
        selected.set(
                runbook.experiment().method().isEmpty()
                        ? ""
                        : runbook.experiment().method().get(0).name());
        bump();
    }

    /**
     * Applies a visual change. A change the model itself rejects (a negative duration) is refused
     * with its reason; one the loader flags (beyond the blast radius) is kept and its problems
     * shown, as the CLI would show them.
     *
     * @return why the change was refused, if it was
     */
    public Optional<String> apply(String description, UnaryOperator<Experiment> change) {
        Experiment before = experiment.get();
        Experiment after;
        try {
            after = change.apply(before);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (after.equals(before)) {
            return Optional.empty();
        }
        history.record(new Edit(description, before, after));
        show(after);
        return Optional.empty();
    }

    /** The YAML tab's text changed: the visual model follows when it is a valid runbook. */
    public void editYaml(String text) {
        if (text.equals(yaml.get())) {
            return;
        }
        yaml.set(text);
        try {
            LoadedRunbook r = loader.parse(text, file.get());
            problems.clear();
            if (!r.experiment().equals(experiment.get())) {
                history.record(new Edit("edit YAML", experiment.get(), r.experiment()));
                experiment.set(r.experiment());
                keepSelection();
            }
        } catch (RunbookException e) {
            problems.setAll(e.problems());
        }
        bump();
    }

    /**
     * Sets one runbook field from a form ({@code spec.method[0].duration} = {@code 30s}).
     *
     * @return the loader's message for that field (or the first problem) when the value is refused;
     *         the model is unchanged then
     */
    public Optional<String> setField(String path, String value, String description) {
        return field(path, value, description, true);
    }

    /** What {@link #setField} would say of the value, without changing anything: for typing. */
    public Optional<String> checkField(String path, String value) {
        return field(path, value, "", false);
    }

    private Optional<String> field(String path, String value, String description, boolean apply) {
        JsonNode tree = fields.tree(writer.toYaml(experiment.get()));
        try {
            fields.set(tree, path, value);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        try {
            Experiment after = loader.parse(fields.text(tree), file.get()).experiment();
            return apply ? apply(description, e -> after) : Optional.empty();
        } catch (RunbookException e) {
            return Optional.of(e.problems().stream()
                    .filter(p -> p.field().equals(path))
                    .findFirst()
                    .or(() -> e.problems().stream().findFirst())
                    .map(RunbookProblem::message)
                    .orElse(e.getMessage()));
        }
    }

    /** The value of one field as text, for forms. */
    public String field(String path) {
        JsonNode n = fields.get(fields.tree(writer.toYaml(experiment.get())), path);
        return n.isMissingNode() || n.isNull() ? "" : n.isValueNode() ? n.asString() : RunbookFields.flow(n);
    }

    public Optional<String> undo() {
        return history.undo().map(e -> {
            show(e.before());
            return e.description();
        });
    }

    public Optional<String> redo() {
        return history.redo().map(e -> {
            show(e.after());
            return e.description();
        });
    }

    /** The current text as a runbook, for a run or a save; throws with the problems when invalid. */
    public LoadedRunbook runbook() throws RunbookException {
        return loader.parse(yaml.get(), file.get());
    }

    public void savedAs(String path) {
        file.set(path);
    }

    private void show(Experiment e) {
        experiment.set(e);
        String text = writer.toYaml(e);
        yaml.set(text);
        try {
            loader.parse(text, file.get());
            problems.clear();
        } catch (RunbookException ex) {
            problems.setAll(ex.problems());
        }
        keepSelection();
        bump();
    }

    private void keepSelection() {
        List<String> names =
                experiment.get().method().stream().map(s -> s.name()).toList();
        if (!names.contains(selected.get())) {
            selected.set(names.isEmpty() ? "" : names.get(0));
        }
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }

    public Experiment experiment() {
        return experiment.get();
    }

    public ReadOnlyObjectProperty<Experiment> experimentProperty() {
        return experiment.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty yamlProperty() {
        return yaml.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public StringProperty selectedProperty() {
        return selected;
    }

    public ObservableList<RunbookProblem> problems() {
        return problems;
    }

    public Optional<String> nextUndo() {
        return history.nextUndo();
    }

    public Optional<String> nextRedo() {
        return history.nextRedo();
    }
}
