package dev.faultline.app.view.home;

import dev.faultline.app.view.common.Work;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.TeamRuns;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Team mode on the home screen, without nodes: the GameDays and runs under way on the other
 * desktops of the team's shared store, read again on each {@link #refresh}. Nothing on a desktop's
 * own database ({@link #sharedProperty()} stays false).
 */
public final class UnderWayModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final ZoneId zone;
    private final Callable<FaultlineStore> store;
    private final Work work;
    private final ObservableList<TeamRuns.UnderWay> runs = FXCollections.observableArrayList();
    private final ObservableList<TeamRuns.UnderWay> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ReadOnlyBooleanWrapper shared = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public UnderWayModel(ZoneId zone, Callable<FaultlineStore> store, Work work) {
        this.zone = zone;
        this.store = store;
        this.work = work;
    }

    /** Reads the runs under way again (the store's, when it is shared). */
    public void refresh() {
        work.run(
                "team-runs",
                () -> {
                    FaultlineStore s = store.call();
                    return s.shared() ? new Found(true, new TeamRuns(s).underWay()) : new Found(false, List.of());
                },
                f -> {
                    shared.set(f.shared());
                    problem.set("");
                    if (!runs.equals(f.runs())) {
                        runs.setAll(f.runs());
                    }
                },
                err -> problem.set("The shared store cannot be read just now: "
                        + dev.faultline.app.view.common.Dialogs.message(err)));
    }

    private record Found(boolean shared, List<TeamRuns.UnderWay> runs) {}

    /** "GameDay Payments: payment-pause on ops-laptop-3 (pid 4242), since 10:42:07". */
    public String line(TeamRuns.UnderWay r) {
        return r.describe() + ", since " + CLOCK.format(r.startedAt().atZone(zone))
                + (r.status().equals("RUNNING") ? "" : " (between experiments: " + r.status() + ")");
    }

    public ObservableList<TeamRuns.UnderWay> runs() {
        return runsView;
    }

    /** True once the store was read and is a team's shared store. */
    public ReadOnlyBooleanProperty sharedProperty() {
        return shared.getReadOnlyProperty();
    }

    /** Why the runs under way could not be read, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
