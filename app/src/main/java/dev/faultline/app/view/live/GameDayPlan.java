package dev.faultline.app.view.live;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The GameDay part of {@link LiveRunViewModel}: the day's plan, its progress line and the pause
 * after a halted experiment. Its log lines go to the view model's log.
 */
final class GameDayPlan {
    private final DateTimeFormatter time;
    private final ObservableList<String> log;
    final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ObservableList<String> plan = FXCollections.observableArrayList();
    final ObservableList<String> planView = FXCollections.unmodifiableObservableList(plan);
    final javafx.beans.property.ReadOnlyObjectWrapper<@org.jspecify.annotations.Nullable PausedDay> paused =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    /** The leader's last choice to go on, named by the next run's separator; null when there is none. */
    private @org.jspecify.annotations.Nullable Resumed resumed;

    GameDayPlan(DateTimeFormatter time, ObservableList<String> log) {
        this.time = time;
        this.log = log;
    }

    /** A new run or GameDay is being started: no plan, no progress, no pause. */
    void clear() {
        progress.set("");
        plan.clear();
        paused.set(null);
        resumed = null;
    }

    /** Takes one event of the GameDay: its plan, "experiment n of m", each result, the halts and the choices. */
    void accept(dev.faultline.engine.spi.run.GameDayEvent e) {
        switch (e) {
            case dev.faultline.engine.spi.run.GameDayEvent.Started s -> {
                plan.setAll(java.util.stream.IntStream.range(0, s.experiments().size())
                        .mapToObj(i -> planLine(i, s.experiments().get(i).name(), "waiting"))
                        .toList());
                progress.set("GameDay " + s.gameDay().title() + ": "
                        + s.experiments().size() + " experiment(s)");
            }
            case dev.faultline.engine.spi.run.GameDayEvent.ExperimentStarted s -> {
                boolean again = s.index() < plan.size() && !plan.get(s.index()).endsWith("waiting");
                progress.set("Experiment " + (s.index() + 1) + " of " + s.total() + ": "
                        + s.experiment().name() + (again ? " (repeated)" : ""));
                setPlan(s.index(), s.experiment().name(), again ? "running again" : "running");
            }
            case dev.faultline.engine.spi.run.GameDayEvent.ExperimentFinished f -> {
                setPlan(f.index(), f.experiment().name(), f.result().summary());
                log.add(time.format(f.at()) + "  result of experiment " + (f.index() + 1) + " of " + f.total() + " ("
                        + f.experiment().name() + "): " + f.result().summary());
            }
            case dev.faultline.engine.spi.run.GameDayEvent.ExperimentSkipped s ->
                setPlan(s.index(), s.experiment().name(), "skipped: " + s.reason());
            case dev.faultline.engine.spi.run.GameDayEvent.HaltDecided d
            when d.expected() -> {
                setPlan(d.index(), d.experiment().name(), "PASSED as expected: " + d.halt());
                log.add(time.format(d.at()) + "  experiment " + (d.index() + 1) + " of " + d.total() + " ("
                        + d.experiment().name() + ") " + d.halt() + ": passed as expected, the day goes on");
            }
            case dev.faultline.engine.spi.run.GameDayEvent.HaltDecided d -> {
                String was = d.index() < plan.size() ? plan.get(d.index()) : "";
                String result = was.substring(Math.min(was.length(), was.indexOf(" — ") + 3));
                setPlan(
                        d.index(),
                        d.experiment().name(),
                        result
                                + switch (d.decision()) {
                                    case RESUME -> " → resumed with the next";
                                    case REPEAT -> " → repeated";
                                    case END -> " → day ended";
                                });
            }
            case dev.faultline.engine.spi.run.GameDayEvent.Finished f ->
                progress.set("GameDay " + f.outcome() + ": " + f.reason());
        }
    }

    /** A followed GameDay (another desktop runs it): its plan, unless already shown. */
    void followed(String title, java.util.List<String> names) {
        if (plan.size() != names.size()) {
            plan.setAll(java.util.stream.IntStream.range(0, names.size())
                    .mapToObj(i -> planLine(i, names.get(i), "waiting"))
                    .toList());
        }
        if (progress.get().isEmpty()) {
            progress.set("GameDay " + title + ": " + names.size() + " experiment(s)");
        }
    }

    /** A followed GameDay's experiment {@code index} (from 0) started on the runner's desktop. */
    void followedExperiment(int index, int total, String name) {
        progress.set("Experiment " + (index + 1) + " of " + total + ": " + name);
        setPlan(index, name, "running");
    }

    /** A followed GameDay's experiment {@code index} ended. */
    void followedResult(int index, String name, String result) {
        setPlan(index, name, result);
    }

    private void setPlan(int index, String name, String state) {
        if (index >= 0 && index < plan.size()) {
            plan.set(index, planLine(index, name, state));
        }
    }

    private static String planLine(int index, String name, String state) {
        return (index + 1) + ". " + name + " — " + state;
    }

    /** The GameDay waits for the leader: resume, repeat or end (see {@link #choose}). */
    void pause(PausedDay day) {
        paused.set(day);
        resumed = null;
        progress.set("Paused after experiment " + (day.index() + 1) + " of " + day.total() + " was halted");
        log.add(time.format(Instant.now()) + "  paused: experiment " + (day.index() + 1) + " of " + day.total() + " ("
                + day.experiment() + ") was " + day.halt().describe(time));
    }

    /** The kill switch was released while the day is paused: the pause says when and why (the last release). */
    void released(Instant at, String why) {
        PausedDay p = paused.get();
        if (p != null) { // pressed for the halt, or meanwhile: the day goes on once it is released
            paused.set(p.released(at, why));
            log.add(time.format(at) + "  kill switch released: " + why);
        }
    }

    /** The leader's choice for the paused GameDay; nothing when none is paused. */
    void choose(dev.faultline.engine.spi.run.AfterHalt choice) {
        PausedDay p = paused.get();
        if (p != null) {
            paused.set(null);
            resumed = switch (choice) {
                case RESUME -> new Resumed(p.index() + 1, p, "resumed");
                case REPEAT -> new Resumed(p.index(), p, "repeated");
                case END -> null;
            };
            p.answer().complete(choice);
        }
    }

    /**
     * The log's line between two runs of the day: the experiment that starts, and after a pause what
     * halted the one before, when it was released and why ("Experiment 2 of 4: payment-outage-halts,
     * resumed after experiment 1 was halted at 10:42:07 by the kill switch (pressed in the app);
     * released at 10:43:10: all faults gone").
     */
    String separator(String experiment) {
        Resumed r = resumed;
        resumed = null;
        if (r == null) {
            return progress.get().isEmpty() ? experiment : progress.get();
        }
        return "Experiment " + (r.index() + 1) + " of " + r.after().total() + ": " + experiment + ", " + r.how()
                + " after experiment " + (r.after().index() + 1) + " was "
                + r.after().halt().describe(time);
    }

    /** A choice to go on after a pause, until the next run's separator names it. */
    private record Resumed(int index, PausedDay after, String how) {}

    /** The pause is over without a choice (the day was stopped). */
    void unpause() {
        paused.set(null);
    }
}
