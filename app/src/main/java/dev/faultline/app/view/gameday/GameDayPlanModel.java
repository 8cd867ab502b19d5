package dev.faultline.app.view.gameday;

import dev.faultline.engine.model.Checklist;
import dev.faultline.engine.model.ExperimentCrew;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.jspecify.annotations.Nullable;

/**
 * The GameDay being planned. Its parts are read-only properties and lists for the planner to bind
 * to; every change goes through a method. {@link #toGameDay()} makes the immutable model (and says
 * what is missing when it cannot). No nodes. New plans are dated by {@code clock} in {@code zone},
 * the organiser's. The parts with rules of their own are their own classes: the crews
 * ({@link ExperimentCrews}), the experiments with their titles ({@link PlanExperiments}), the
 * checklist ({@link PlanChecklist}), how experiments are named
 * ({@link ExperimentNames}).
 */
public final class GameDayPlanModel {
    /** Which part of the day's checklist. */
    public enum Part {
        PRE_CHECKS,
        COMMS,
        ABORT_CRITERIA
    }

    private final Clock clock;
    private final Supplier<String> you;
    private final ZoneId home;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("new-gameday");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper objectives = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<@Nullable LocalDate> date = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper("10:00");
    private final ReadOnlyObjectWrapper<ZoneId> zone;
    private final ReadOnlyStringWrapper environment = new ReadOnlyStringWrapper("sandbox");
    private final ReadOnlyStringWrapper file = new ReadOnlyStringWrapper("");
    // an edit of a row's name or role is a change of the list too: crews and cells follow it
    private final ObservableList<ParticipantRow> participants =
            FXCollections.observableArrayList(r -> new javafx.beans.Observable[] {r.name, r.role});
    /** Who runs and watches an experiment, when the plan says so (otherwise the day's operators and observers). */
    private final ExperimentCrews crews = new ExperimentCrews();

    private final PlanExperiments experiments = new PlanExperiments(crews);
    private final PlanChecklist checklist = new PlanChecklist();
    // One read-only view each, kept: a wrapper made per call would be collected with its listeners.
    private final ObservableList<ParticipantRow> participantsView =
            FXCollections.unmodifiableObservableList(participants);

    public GameDayPlanModel(Clock clock, ZoneId zone) {
        this(clock, zone, () -> "");
    }

    /** @param you your name (Settings), the leader of the GameDays you start; blank: none proposed */
    public GameDayPlanModel(Clock clock, ZoneId zone, Supplier<String> you) {
        this.you = you;
        this.clock = clock;
        this.home = zone;
        this.zone = new ReadOnlyObjectWrapper<>(zone);
        date.set(LocalDate.ofInstant(clock.instant(), zone).plusDays(1));
    }

    public void load(GameDay d, String fromFile) {
        file.set(fromFile); // first: the experiments are named relative to it
        name.set(d.name());
        title.set(d.title());
        description.set(d.description());
        objectives.set(String.join("\n", d.objectives()));
        date.set(d.scheduledLocal().toLocalDate());
        time.set(d.scheduledLocal().toLocalTime().toString());
        zone.set(d.zone());
        environment.set(d.environment());
        participants.setAll(d.participants().stream()
                .map(p -> new ParticipantRow(p.name(), p.role(), p.slackId()))
                .toList());
        crews.clear();
        experiments.setAll(d.experiments());
        crews.load(d.crews());
        checklist.load(d.checklist());
        file.set(fromFile);
    }

    /**
     * A new plan: tomorrow at this time in the organiser's zone, on the sandbox, no experiments yet,
     * led by you (your name in Settings).
     */
    public void startNew() {
        String leader = you.get().strip();
        load(
                new GameDay(
                        "new-gameday",
                        "",
                        "",
                        List.of(),
                        clock.instant().plus(Duration.ofDays(1)),
                        home,
                        "sandbox",
                        leader.isEmpty() ? List.of() : List.of(new Participant(leader, Participant.Role.LEADER, "")),
                        List.of("payment-latency-holds.yaml"),
                        Checklist.EMPTY),
                "");
        experiments.clear();
        crews.clear();
    }

    /** The plan as a GameDay; throws with a message for people when a part is missing or wrong. */
    public GameDay toGameDay() {
        LocalTime at;
        try {
            at = LocalTime.parse(time.get().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time: '" + time.get() + "' is not a time of day, e.g. 10:00");
        }
        LocalDate day = date.get();
        if (day == null) {
            throw new IllegalArgumentException("date: pick the day");
        }
        if (title.get().isBlank()) {
            throw new IllegalArgumentException("title: give the GameDay a title");
        }
        List<String> goals = Arrays.stream(objectives.get().split("\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        List<Participant> people = participants.stream()
                .filter(p -> !p.name.get().isBlank())
                .map(ParticipantRow::toParticipant)
                .toList();
        return new GameDay(
                name.get().strip(),
                title.get().strip(),
                description.get().strip(),
                goals,
                day.atTime(at).atZone(zone.get()).toInstant(),
                zone.get(),
                environment.get(),
                people,
                experiments.copy(),
                checklist.toChecklist(),
                crews.own(experiments.view(), people));
    }

    public void setName(String v) {
        name.set(v);
    }

    public void setTitle(String v) {
        title.set(v);
    }

    public void setDescription(String v) {
        description.set(v);
    }

    /** One objective a line. */
    public void setObjectives(String v) {
        objectives.set(v);
    }

    public void setDate(@Nullable LocalDate v) {
        date.set(v);
    }

    /** The time of day as typed ("10:00"); checked by {@link #toGameDay()}. */
    public void setTime(String v) {
        time.set(v);
    }

    public void setZone(ZoneId v) {
        zone.set(v);
    }

    public void setEnvironment(String v) {
        environment.set(v);
    }

    /** The file the plan is saved to from now on. */
    public void setFile(Path f) {
        file.set(f.toString());
    }

    /** Adds a participant: the first is the leader, the next ones observers until their role is changed. */
    public ParticipantRow addParticipant() {
        ParticipantRow row = new ParticipantRow(
                "", participants.isEmpty() ? Participant.Role.LEADER : Participant.Role.OBSERVER, "");
        participants.add(row);
        return row;
    }

    public void removeParticipant(ParticipantRow row) {
        participants.remove(row);
    }

    /**
     * Adds an experiment's runbook, named as the GameDay file names it: relative to the GameDay's
     * folder; absolute until the plan has a file, and made relative when it is saved. An experiment
     * already in the plan is not added twice.
     *
     * @return the name the plan gives it
     */
    public String addExperiment(Path runbook) {
        String name = ExperimentNames.of(file.get(), runbook);
        experiments.add(name);
        return name;
    }

    public void removeExperiment(@Nullable String experiment) {
        experiments.remove(experiment);
    }

    /** What a participant does in one experiment. */
    public enum Duty {
        NONE,
        RUNS,
        WATCHES
    }

    /**
     * Who runs and who watches {@code experiment}: its own crew when one was set, otherwise the
     * day's operators run it and its observers watch.
     */
    public ExperimentCrew crewOf(String experiment) {
        return crews.crewOf(experiment, participants);
    }

    public Duty dutyOf(String experiment, String participant) {
        return crews.dutyOf(experiment, participant, participants);
    }

    /** Says what {@code participant} does in {@code experiment}; the experiment has its own crew from then on. */
    public void setDuty(String experiment, String participant, Duty duty) {
        if (!experiments.contains(experiment) || participant.isBlank()) {
            return;
        }
        crews.setDuty(experiment, participant, duty, participants);
    }

    /** One line for people: "runs: Grace · watches: Ada, Linus", or who is missing. */
    public String crewLine(String experiment) {
        return crews.line(experiment, participants);
    }

    /** Remembers an experiment's title, to show it instead of its path. */
    public void setTitleOf(String experiment, String title) {
        experiments.setTitle(experiment, title);
    }

    /** The experiment's title when known, else its file name. */
    public String titleOf(String experiment) {
        return experiments.title(experiment);
    }

    /** The experiment's runbook file name, without its folders. */
    public static String fileNameOf(String experiment) {
        return ExperimentNames.fileName(experiment);
    }

    /** Where the runbook of {@code experiment} is: relative names are relative to the plan's file. */
    public Path runbookOf(String experiment) {
        return ExperimentNames.runbook(file.get(), experiment);
    }

    /** Changes to the crews, for views to redraw. */
    public ObservableMap<String, ExperimentCrew> crews() {
        return crews.view();
    }

    /** Changes to the known titles, for views to redraw. */
    public ObservableMap<String, String> titles() {
        return experiments.titlesView();
    }

    /**
     * Moves the experiment at {@code index} by {@code by} places (-1 earlier, 1 later).
     *
     * @return its new index, or -1 when it cannot move there
     */
    public int moveExperiment(int index, int by) {
        return experiments.move(index, by);
    }

    /** Names every experiment by its absolute path, relative ones read from {@code folder}: before a save elsewhere. */
    public void absolutizeFrom(Path folder) {
        experiments.absolutizeFrom(folder);
    }

    /** Names every experiment relative to {@code folder}, where the GameDay file is saved. */
    public void relativizeTo(Path folder) {
        experiments.relativizeTo(folder);
    }

    /** Adds an item to a part of the checklist (blank text: nothing); false when nothing was added. */
    public boolean addCheck(Part part, String text) {
        return checklist.add(part, text);
    }

    public void removeCheck(Part part, ChecklistRow row) {
        checklist.remove(part, row);
    }

    /** Ticks an item off, or back on. */
    public void toggleCheck(ChecklistRow row) {
        PlanChecklist.toggle(row);
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty objectivesProperty() {
        return objectives.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable LocalDate> dateProperty() {
        return date.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ZoneId> zoneProperty() {
        return zone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty environmentProperty() {
        return environment.getReadOnlyProperty();
    }

    /** The file the plan was opened from or saved to; empty for a new plan. */
    public ReadOnlyStringProperty fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ObservableList<ParticipantRow> participants() {
        return participantsView;
    }

    public ObservableList<String> experiments() {
        return experiments.view();
    }

    public ObservableList<ChecklistRow> checks(Part part) {
        return checklist.view(part);
    }
}
