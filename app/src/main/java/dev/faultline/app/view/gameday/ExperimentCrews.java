package dev.faultline.app.view.gameday;

import dev.faultline.app.view.gameday.GameDayPlanModel.Duty;
import dev.faultline.engine.model.ExperimentCrew;
import dev.faultline.engine.model.Participant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * Who runs and who watches each experiment of the plan: its own crew when one was set, otherwise the
 * day's operators run it and its observers watch.
 */
final class ExperimentCrews {
    private final ObservableMap<String, ExperimentCrew> crews = FXCollections.observableHashMap();
    private final ObservableMap<String, ExperimentCrew> view = FXCollections.unmodifiableObservableMap(crews);

    /** The crews of a plan read from its file (none kept from before). */
    void load(Map<String, ExperimentCrew> own) {
        crews.clear();
        crews.putAll(own);
    }

    void clear() {
        crews.clear();
    }

    void remove(String experiment) {
        crews.remove(experiment);
    }

    /** The experiment is now named {@code to} (its file named relative to the plan's). */
    void rename(String from, String to) {
        ExperimentCrew c = crews.remove(from);
        if (c != null) {
            crews.put(to, c);
        }
    }

    ExperimentCrew crewOf(String experiment, List<ParticipantRow> participants) {
        ExperimentCrew own = crews.get(experiment);
        if (own != null) {
            return own;
        }
        List<String> ops = new ArrayList<>();
        List<String> obs = new ArrayList<>();
        for (ParticipantRow p : participants) {
            String n = p.name.get().strip();
            if (n.isEmpty()) {
                continue;
            }
            switch (p.role.get()) {
                case OPERATOR -> ops.add(n);
                case OBSERVER -> obs.add(n);
                case LEADER, SCRIBE, ON_CALL -> {}
            }
        }
        return new ExperimentCrew(ops, obs);
    }

    Duty dutyOf(String experiment, String participant, List<ParticipantRow> participants) {
        ExperimentCrew c = crewOf(experiment, participants);
        return c.operators().contains(participant)
                ? Duty.RUNS
                : c.observers().contains(participant) ? Duty.WATCHES : Duty.NONE;
    }

    /** Says what {@code participant} does in {@code experiment}; the experiment has its own crew from then on. */
    void setDuty(String experiment, String participant, Duty duty, List<ParticipantRow> participants) {
        ExperimentCrew c = crewOf(experiment, participants);
        List<String> ops = new ArrayList<>(c.operators());
        List<String> obs = new ArrayList<>(c.observers());
        ops.remove(participant);
        obs.remove(participant);
        switch (duty) {
            case RUNS -> ops.add(participant);
            case WATCHES -> obs.add(participant);
            case NONE -> {}
        }
        crews.put(experiment, new ExperimentCrew(ops, obs));
    }

    /** One line for people: "runs: Grace · watches: Ada, Linus", or who is missing. */
    String line(String experiment, List<ParticipantRow> participants) {
        ExperimentCrew c = crewOf(experiment, participants);
        String runs = c.operators().isEmpty() ? "nobody runs it yet" : "runs: " + String.join(", ", c.operators());
        String watches = c.observers().isEmpty() ? "" : " · watches: " + String.join(", ", c.observers());
        return runs + watches;
    }

    /** The crews the plan names, of people still taking part; an experiment left without one has none. */
    Map<String, ExperimentCrew> own(List<String> experiments, List<Participant> people) {
        Set<String> names = people.stream().map(Participant::name).collect(Collectors.toSet());
        Map<String, ExperimentCrew> out = new LinkedHashMap<>();
        for (String e : experiments) {
            ExperimentCrew c = crews.get(e);
            if (c != null) {
                out.put(
                        e,
                        new ExperimentCrew(
                                c.operators().stream().filter(names::contains).toList(),
                                c.observers().stream().filter(names::contains).toList()));
            }
        }
        return out;
    }

    /** Changes to the crews, for views to redraw. */
    ObservableMap<String, ExperimentCrew> view() {
        return view;
    }
}
