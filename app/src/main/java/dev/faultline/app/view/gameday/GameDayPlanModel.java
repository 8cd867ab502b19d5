package dev.faultline.app.view.gameday;

import dev.faultline.engine.model.Checklist;
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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The GameDay being planned. Its parts are read-only properties and lists for the planner to bind
 * to; every change goes through a method. {@link #toGameDay()} makes the immutable model (and says
 * what is missing when it cannot). No nodes. New plans are dated by {@code clock} in {@code zone},
 * the organiser's.
 */
public final class GameDayPlanModel {
    /** Which part of the day's checklist. */
    public enum Part {
        PRE_CHECKS,
        COMMS,
        ABORT_CRITERIA
    }

    private final Clock clock;
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
    private final ObservableList<ParticipantRow> participants = FXCollections.observableArrayList();
    private final ObservableList<String> experiments = FXCollections.observableArrayList();
    private final ObservableList<ChecklistRow> preChecks = FXCollections.observableArrayList();
    private final ObservableList<ChecklistRow> comms = FXCollections.observableArrayList();
    private final ObservableList<ChecklistRow> abortCriteria = FXCollections.observableArrayList();
    // One read-only view each, kept: a wrapper made per call would be collected with its listeners.
    private final ObservableList<ParticipantRow> participantsView =
            FXCollections.unmodifiableObservableList(participants);
    private final ObservableList<String> experimentsView = FXCollections.unmodifiableObservableList(experiments);
    private final ObservableList<ChecklistRow> preChecksView = FXCollections.unmodifiableObservableList(preChecks);
    private final ObservableList<ChecklistRow> commsView = FXCollections.unmodifiableObservableList(comms);
    private final ObservableList<ChecklistRow> abortCriteriaView =
            FXCollections.unmodifiableObservableList(abortCriteria);

    public GameDayPlanModel(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.home = zone;
        this.zone = new ReadOnlyObjectWrapper<>(zone);
        date.set(LocalDate.ofInstant(clock.instant(), zone).plusDays(1));
    }

    public void load(GameDay d, String fromFile) {
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
        experiments.setAll(d.experiments());
        preChecks.setAll(rows(d.checklist().preChecks()));
        comms.setAll(rows(d.checklist().comms()));
        abortCriteria.setAll(rows(d.checklist().abortCriteria()));
        file.set(fromFile);
    }

    /** A new plan: tomorrow at this time in the organiser's zone, on the sandbox, no experiments yet. */
    public void startNew() {
        load(
                new GameDay(
                        "new-gameday",
                        "",
                        "",
                        List.of(),
                        clock.instant().plus(Duration.ofDays(1)),
                        home,
                        "sandbox",
                        List.of(),
                        List.of("payment-latency-holds.yaml"),
                        Checklist.EMPTY),
                "");
        experiments.clear();
    }

    private static List<ChecklistRow> rows(List<Checklist.Item> items) {
        return items.stream().map(i -> new ChecklistRow(i.text(), i.done())).toList();
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
        Checklist checklist = new Checklist(items(preChecks), items(comms), items(abortCriteria));
        return new GameDay(
                name.get().strip(),
                title.get().strip(),
                description.get().strip(),
                goals,
                day.atTime(at).atZone(zone.get()).toInstant(),
                zone.get(),
                environment.get(),
                people,
                List.copyOf(experiments),
                checklist);
    }

    private static List<Checklist.Item> items(List<ChecklistRow> rows) {
        return rows.stream()
                .filter(r -> !r.text.get().isBlank())
                .map(ChecklistRow::toItem)
                .toList();
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
     * folder; absolute until the plan has a file, and made relative when it is saved.
     */
    public void addExperiment(Path runbook) {
        String f = file.get();
        experiments.add(
                f.isEmpty()
                        ? runbook.toAbsolutePath().toString()
                        : Path.of(f)
                                .toAbsolutePath()
                                .getParent()
                                .relativize(runbook.toAbsolutePath())
                                .toString());
    }

    public void removeExperiment(@Nullable String experiment) {
        experiments.remove(experiment);
    }

    /**
     * Moves the experiment at {@code index} by {@code by} places (-1 earlier, 1 later).
     *
     * @return its new index, or -1 when it cannot move there
     */
    public int moveExperiment(int index, int by) {
        int j = index + by;
        if (index < 0 || index >= experiments.size() || j < 0 || j >= experiments.size()) {
            return -1;
        }
        String s = experiments.remove(index);
        experiments.add(j, s);
        return j;
    }

    /** Names every experiment by its absolute path, relative ones read from {@code folder}: before a save elsewhere. */
    public void absolutizeFrom(Path folder) {
        Path dir = folder.toAbsolutePath();
        experiments.replaceAll(
                e -> Path.of(e).isAbsolute() ? e : dir.resolve(e).normalize().toString());
    }

    /** Names every experiment relative to {@code folder}, where the GameDay file is saved. */
    public void relativizeTo(Path folder) {
        Path dir = folder.toAbsolutePath();
        experiments.replaceAll(
                e -> Path.of(e).isAbsolute() ? dir.relativize(Path.of(e)).toString() : e);
    }

    /** Adds an item to a part of the checklist (blank text: nothing); false when nothing was added. */
    public boolean addCheck(Part part, String text) {
        if (text.isBlank()) {
            return false;
        }
        rows(part).add(new ChecklistRow(text.strip(), false));
        return true;
    }

    public void removeCheck(Part part, ChecklistRow row) {
        rows(part).remove(row);
    }

    /** Ticks an item off, or back on. */
    public void toggleCheck(ChecklistRow row) {
        row.done.set(!row.done.get());
    }

    private ObservableList<ChecklistRow> rows(Part part) {
        return switch (part) {
            case PRE_CHECKS -> preChecks;
            case COMMS -> comms;
            case ABORT_CRITERIA -> abortCriteria;
        };
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
        return experimentsView;
    }

    public ObservableList<ChecklistRow> checks(Part part) {
        return switch (part) {
            case PRE_CHECKS -> preChecksView;
            case COMMS -> commsView;
            case ABORT_CRITERIA -> abortCriteriaView;
        };
    }
}
