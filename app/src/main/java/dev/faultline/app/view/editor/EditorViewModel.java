package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.runbook.RunbookProblem;
import dev.faultline.engine.runbook.RunbookWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
import tools.jackson.databind.node.ObjectNode;

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
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

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
        note.set("");
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
        return tree(description, apply, path, tree -> fields.set(tree, path, value));
    }

    /**
     * Changes the runbook's tree (adds a probe, removes a stop condition) as one edit, checked by
     * the loader like a form field.
     *
     * @return the loader's first problem when the result is refused; the model is unchanged then
     */
    public Optional<String> editTree(String description, Consumer<ObjectNode> change) {
        return tree(description, true, "", change);
    }

    private Optional<String> tree(String description, boolean apply, String path, Consumer<ObjectNode> change) {
        JsonNode tree = fields.tree(writer.toYaml(experiment.get()));
        try {
            change.accept((ObjectNode) tree);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        try {
            Experiment after = loader.parse(fields.text(tree), file.get()).experiment();
            return apply ? apply(description, e -> after) : Optional.empty();
        } catch (RunbookException e) {
            Optional<BlastRadiusFit.Widening> widened =
                    path.startsWith("spec.method[") ? widened(tree) : Optional.empty();
            if (widened.isPresent()) {
                return apply ? applyWidened(description, widened.get()) : Optional.empty();
            }
            return Optional.of(e.problems().stream()
                    .filter(p -> p.field().equals(path))
                    .findFirst()
                    .or(() -> e.problems().stream().findFirst())
                    .map(RunbookProblem::message)
                    .orElse(e.getMessage()));
        }
    }

    /**
     * A step's field set to a value only the blast radius refuses (a target it does not list): the
     * same tree with the blast radius widened as far as the steps need, if that is then valid.
     */
    private Optional<BlastRadiusFit.Widening> widened(JsonNode tree) {
        JsonNode relaxed = tree.deepCopy();
        if (relaxed.path("spec") instanceof ObjectNode spec) {
            spec.remove("blastRadius");
        }
        try {
            Experiment free = loader.parse(fields.text(relaxed), file.get()).experiment();
            BlastRadiusFit.Widening w = BlastRadiusFit.widen(
                    BlastRadiusFit.withBlastRadius(free, experiment.get().blastRadius()));
            loader.parse(writer.toYaml(w.experiment()), file.get());
            return Optional.of(w);
        } catch (RunbookException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<String> applyWidened(String description, BlastRadiusFit.Widening w) {
        Optional<String> refused = apply(description + ", widening the blast radius", e -> w.experiment());
        if (refused.isEmpty()) {
            note.set(widenedNote(w));
        }
        return refused;
    }

    private static String widenedNote(BlastRadiusFit.Widening w) {
        return "blast radius widened: " + String.join(", ", w.changes()) + " (Ctrl+Z undoes the edit and the widening)";
    }

    /**
     * Adds a palette fault at {@code lane}/{@code at}, aimed inside the blast radius where it can be
     * and widening it in the same edit where it cannot: a dropped fault is valid at once.
     *
     * @return the new step's name
     */
    public String drop(FaultTemplate t, int lane, Duration at) {
        Experiment e = experiment.get();
        String name = e.method().stream().anyMatch(s -> s.name().equals(t.id()))
                ? ExperimentEdits.uniqueName(e, t.id())
                : t.id();
        BlastRadiusFit.Widening w =
                BlastRadiusFit.widen(ExperimentEdits.add(e, BlastRadiusFit.fit(e, t, name, lane, at)));
        String description = "add " + t.label() + (w.widened() ? ", widening the blast radius" : "");
        apply(description, x -> w.experiment());
        note.set(w.widened() ? "added " + name + "; " + widenedNote(w) : "added " + name);
        selected.set(name);
        return name;
    }

    /** Widens the blast radius to cover every fault step as it stands: the "Widen" offer beside a target. */
    public Optional<String> widenBlastRadius() {
        BlastRadiusFit.Widening w = BlastRadiusFit.widen(experiment.get());
        if (!w.widened()) {
            return Optional.empty();
        }
        return applyWidened("widen the blast radius", w);
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

    /** What the last edit did beyond what was asked (the blast radius widened), for the status line. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
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
