package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.DiscoveredTarget;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The targets offered in a fault step's target field: listed by the step's backend in the runbook's
 * environment, off the UI thread, and picked into the step through the form's edit path (a target
 * outside the blast radius widens it in the same edit, one Ctrl+Z).
 */
public final class TargetChoices {
    /** Selector keys a runbook writes as a mapping (a Kubernetes target's label and field selectors). */
    private static final java.util.Set<String> MAPS = java.util.Set.of("labels", "fieldSelectors");
    /** Kubernetes kinds: the runbook loader reads them as mappings only ({@code {nodes: {name: worker-1}}}). */
    private static final java.util.Set<String> MAPPED_KINDS = java.util.Set.of("pods", "nodes");

    private final EditorViewModel model;
    private final AuthoringActions actions;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<DiscoveredTarget> candidates = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private int asked;

    /**
     * @param background runs the blocking listing
     * @param ui runs its answer on the UI thread ({@code Platform::runLater})
     */
    public TargetChoices(EditorViewModel model, AuthoringActions actions, Executor background, Executor ui) {
        this.model = model;
        this.actions = actions;
        this.background = background;
        this.ui = ui;
    }

    /** Lists again the candidates for the step at {@code index}; an older answer arriving later is dropped. */
    public void refresh(int index) {
        Experiment e = model.experiment();
        if (e == null
                || index < 0
                || index >= e.method().size()
                || !(e.method().get(index) instanceof MethodStep.FaultStep s)) {
            candidates.clear();
            status.set("");
            return;
        }
        String env = e.environment();
        String backend = s.backend();
        String kind = s.target().kind();
        int ask = ++asked;
        status.set("looking for " + kind + " targets with " + backend + " in " + env + " …");
        background.execute(() -> {
            List<DiscoveredTarget> found;
            String said;
            try {
                found = actions.listTargets(env, backend, kind);
                said = found.isEmpty()
                        ? backend + " finds no " + kind + " target in " + env + "; type one"
                        : found.size() + " " + kind + " target" + (found.size() == 1 ? "" : "s") + " found by "
                                + backend + " in " + env;
            } catch (Exception ex) {
                found = List.of();
                said = "listing " + kind + " targets with " + backend + ": "
                        + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage())
                        + "; type the target";
            }
            List<DiscoveredTarget> answer = found;
            String message = said;
            ui.execute(() -> {
                if (ask == asked) {
                    candidates.setAll(answer);
                    status.set(message);
                }
            });
        });
    }

    /** Sets the step's target to the candidate, widening the blast radius in the same edit where needed. */
    public Optional<String> choose(int index, DiscoveredTarget chosen) {
        return model.setField("spec.method[" + index + "].target", text(chosen.target()), "set target");
    }

    /** The target as the runbook writes it: {@code {proxy: payments}}, {@code {pods: {labels: {app: payment}, namespace: shop}}}. */
    public static String text(Target t) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        var selector = t.selector().values();
        if (selector.size() == 1 && selector.containsKey("name") && !MAPPED_KINDS.contains(t.kind())) {
            node.put(t.kind(), selector.get("name"));
        } else {
            ObjectNode inner = node.putObject(t.kind());
            new java.util.TreeMap<>(selector).forEach((k, v) -> {
                if (MAPS.contains(k)) { // kept as app=payment,tier=web; written as {app: payment, tier: web}
                    ObjectNode map = inner.putObject(k);
                    for (String pair : v.split(",")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            map.put(
                                    pair.substring(0, eq).strip(),
                                    pair.substring(eq + 1).strip());
                        }
                    }
                } else {
                    inner.put(k, v);
                }
            });
        }
        return RunbookFields.flow(node);
    }

    public ObservableList<DiscoveredTarget> candidates() {
        return candidates;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
