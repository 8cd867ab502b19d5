package dev.faultline.app.view.gameday;

import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.DocumentFiles;
import dev.faultline.app.view.document.Recovery;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.runbook.GameDayWriter;
import dev.faultline.engine.runbook.LoadedGameDay;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;

/**
 * The planner's plan as a document: every field of the plan is its state; what is saved is the
 * {@code kind: GameDay} runbook, its experiments named relative to the folder it is saved in.
 */
final class PlanDocument implements DocumentFiles.Hooks {
    private final GameDayPlanModel plan;
    private final GameDayActions actions;

    PlanDocument(GameDayPlanModel plan, GameDayActions actions) {
        this.plan = plan;
        this.actions = actions;
    }

    /** Runs {@code changed} after any change of the plan, down to a participant's role or a ticked check. */
    void watch(Runnable changed) {
        javafx.beans.InvalidationListener any = o -> changed.run();
        for (Observable o : List.<Observable>of(
                plan.nameProperty(),
                plan.titleProperty(),
                plan.descriptionProperty(),
                plan.objectivesProperty(),
                plan.dateProperty(),
                plan.timeProperty(),
                plan.zoneProperty(),
                plan.environmentProperty(),
                plan.experiments())) {
            o.addListener(any);
        }
        plan.participants().addListener((ListChangeListener<ParticipantRow>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(r -> {
                    r.name.addListener(any);
                    r.role.addListener(any);
                    r.slackId.addListener(any);
                });
            }
            changed.run();
        });
        for (GameDayPlanModel.Part part : GameDayPlanModel.Part.values()) {
            plan.checks(part).addListener((ListChangeListener<ChecklistRow>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(r -> {
                        r.text.addListener(any);
                        r.done.addListener(any);
                    });
                }
                changed.run();
            });
        }
    }

    @Override
    public String fingerprint() {
        StringBuilder b = new StringBuilder();
        for (Object v : List.of(
                plan.nameProperty().get(),
                plan.titleProperty().get(),
                plan.descriptionProperty().get(),
                plan.objectivesProperty().get(),
                String.valueOf(plan.dateProperty().get()),
                plan.timeProperty().get(),
                plan.zoneProperty().get(),
                plan.environmentProperty().get(),
                plan.experiments())) {
            b.append(v).append('\n');
        }
        plan.participants()
                .forEach(p -> b.append(p.name.get())
                        .append('|')
                        .append(p.role.get())
                        .append('|')
                        .append(p.slackId.get())
                        .append('\n'));
        for (GameDayPlanModel.Part part : GameDayPlanModel.Part.values()) {
            b.append(part)
                    .append(plan.checks(part).stream()
                            .map(c -> c.text.get() + (c.done.get() ? " [x]" : " [ ]"))
                            .collect(Collectors.joining("\n", "\n", "\n")));
        }
        return b.toString();
    }

    /** The runbook's text, its experiments named from {@code target}'s folder; throws when the plan is incomplete. */
    @Override
    public String textFor(Path target) {
        plan.toGameDay(); // says what is missing before anything is moved
        String from = plan.fileProperty().get();
        if (!from.isEmpty()) {
            plan.absolutizeFrom(Path.of(from).toAbsolutePath().getParent());
        }
        plan.relativizeTo(target.toAbsolutePath().getParent());
        return new GameDayWriter().toYaml(plan.toGameDay());
    }

    @Override
    public void savedTo(Path target) {
        plan.setFile(target);
    }

    /** The runbook as it would be saved where it is now; none while the plan is incomplete. */
    @Override
    public Optional<String> autosaveText() {
        try {
            GameDay day = plan.toGameDay();
            return Optional.of(new GameDayWriter().toYaml(day));
        } catch (IllegalArgumentException incomplete) {
            return Optional.empty(); // the last complete state stays in the autosave
        }
    }

    @Override
    public void recover(Recovery r, Runnable then) {
        Path original = r.original();
        try {
            LoadedGameDay d = actions.parse(r.text(), original == null ? r.name() : original.toString());
            plan.load(d.gameDay(), original == null ? "" : original.toString());
            then.run();
        } catch (Exception e) {
            Dialogs.error("Could not read the recovered GameDay plan; it stays in the autosave folder", e);
        }
    }
}
