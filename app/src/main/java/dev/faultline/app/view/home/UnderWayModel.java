package dev.faultline.app.view.home;

import dev.faultline.app.view.common.Work;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunnerLoss;
import dev.faultline.engine.store.StoreException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team mode on the home screen, without nodes: the GameDays and runs under way on the other
 * desktops of the team's shared store, read again on each {@link #refresh}. Nothing on a desktop's
 * own database ({@link #sharedProperty()} stays false).
 */
public final class UnderWayModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final ZoneId zone;
    private static final Logger log = LoggerFactory.getLogger(UnderWayModel.class);
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
                    if (!s.shared()) {
                        return new Found(false, List.of());
                    }
                    sweep(s);
                    return new Found(true, new TeamRuns(s).underWay());
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

    /**
     * Ends, for everyone, the runs whose runner is lost (no heartbeat for {@link RunnerLoss#AFTER}):
     * marked ABANDONED by the first desktop that sees it and whose role may record runs.
     */
    private static void sweep(FaultlineStore s) {
        try {
            RunnerLoss.sweep(s).forEach(l -> log.warn("{} (marked from this desktop)", l.describe()));
        } catch (StoreException e) {
            log.debug("runs whose runner is lost are not looked for now: {}", e.getMessage());
        }
    }

    /** "GameDay Payments: payment-pause on ops-laptop-3 (pid 4242), since 10:42:07". */
    public String line(TeamRuns.UnderWay r) {
        if (r.abandoned()) {
            return r.describe() + ", since " + CLOCK.format(r.startedAt().atZone(zone))
                    + ": RUNNER LOST, the run is ABANDONED and its journal still holds faults (Follow live to"
                    + " see them and revert the reachable ones)";
        }
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
