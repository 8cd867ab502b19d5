package dev.faultline.app.view.home;

import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.RunRow;
import dev.faultline.app.view.common.Work;
import dev.faultline.app.view.document.RecentFiles;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.GameDayRunRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The home screen's state, without nodes: the shipped runbooks (the first-GameDay button works
 * once they are read), recent runs from the database, upcoming and past GameDays, and whether each
 * backend can be reached. Times are shown in {@code zone}; "upcoming" is judged by {@code clock}.
 * Reads go through {@link Work}; failures that need a dialog go to {@code errors}.
 */
public final class HomeViewModel {
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm:ss");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");
    /** Recent runs read for the table. */
    static final int RUNS = 200;
    /** GameDay runs listed after the upcoming ones. */
    static final int GAMEDAYS = 20;

    private final ZoneId zone;
    private final Clock clock;
    private final Callable<FaultlineStore> store;
    private final RunbookLoader loader;
    private volatile Collection<Environment> environments;
    private final List<FaultBackendProvider> providers;
    private final Work work;
    private final BiConsumer<String, Throwable> errors;
    private final ObservableList<Path> runbooks = FXCollections.observableArrayList();
    private final ObservableList<Path> runbooksView = FXCollections.unmodifiableObservableList(runbooks);
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFilesView = FXCollections.unmodifiableObservableList(recentFiles);
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRow> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<String> gameDays = FXCollections.observableArrayList();
    private final ObservableList<String> gameDaysView = FXCollections.unmodifiableObservableList(gameDays);
    private final ObservableList<BackendStatus> backends = FXCollections.observableArrayList();
    private final ObservableList<BackendStatus> backendsView = FXCollections.unmodifiableObservableList(backends);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);

    public HomeViewModel(
            ZoneId zone,
            Clock clock,
            Callable<FaultlineStore> store,
            RunbookLoader loader,
            Collection<Environment> environments,
            List<FaultBackendProvider> providers,
            Work work,
            BiConsumer<String, Throwable> errors) {
        this.zone = zone;
        this.clock = clock;
        this.store = store;
        this.loader = loader;
        this.environments = List.copyOf(environments);
        this.providers = List.copyOf(providers);
        this.work = work;
        this.errors = errors;
    }

    /** The shipped runbooks, once read; the first-GameDay path works from then on. */
    public void showRunbooks(List<Path> shipped) {
        runbooks.setAll(shipped);
        ready.set(true);
    }

    /**
     * The files opened or saved last, newest first: the list File → Open Recent shows. Files no
     * longer there are dropped (from the menu too).
     */
    public void showRecent(RecentFiles recent) {
        recent.dropMissing();
        recentFiles.setAll(recent.files());
    }

    /** Reads the recent runs from the database. */
    public void refreshRuns() {
        work.run(
                "load-runs",
                () -> store.call().recentRuns(RUNS).stream().map(RunRow::of).toList(),
                runs::setAll,
                err -> errors.accept("Could not read the runs from the database", err));
    }

    /** Upcoming GameDays first (from their runbooks, {@code gameDayFiles}), then the ones run (from the database). */
    public void refreshGameDays(List<Path> gameDayFiles) {
        List<Path> files = List.copyOf(gameDayFiles);
        work.run(
                "load-gamedays",
                () -> gameDayLines(files),
                gameDays::setAll,
                err -> gameDays.setAll("could not read the GameDays: " + Dialogs.message(err)));
    }

    private List<String> gameDayLines(List<Path> files) throws Exception {
        List<String> out = new ArrayList<>();
        Instant now = clock.instant();
        for (Path p : files) {
            GameDay d = loader.loadGameDay(p).gameDay();
            if (d.scheduledStart().isAfter(now)) {
                out.add("upcoming  " + DAY_TIME.format(d.scheduledStart().atZone(zone)) + "  " + d.title());
            }
        }
        for (GameDayRunRecord r : store.call().gameDays().recent(GAMEDAYS)) {
            out.add(r.status() + "  " + DAY_TIME.format(r.startedAt().atZone(zone)) + "  " + r.title());
        }
        return out;
    }

    /** The environments whose backends are checked from now on (saved in the settings). */
    public void useEnvironments(Collection<Environment> environments) {
        this.environments = List.copyOf(environments);
    }

    /** Asks each backend of each environment (and the local one everywhere) whether it can be reached. */
    public void refreshBackends() {
        work.run(
                "check-backends",
                () -> {
                    List<BackendStatus> out = new ArrayList<>();
                    Collection<Environment> envs = environments;
                    for (Environment env : envs) {
                        for (FaultBackendProvider p : providers) {
                            if (env.backends().containsKey(p.id()) || p.id().equals("local")) {
                                var a = p.check(env.settingsFor(p.id()));
                                out.add(new BackendStatus(
                                        p.id(), p.description(), env.name(), a.isAvailable(), a.detail()));
                            }
                        }
                    }
                    return out;
                },
                backends::setAll,
                err -> errors.accept("Could not check the backends", err));
    }

    /** The heading of the start column: times are in the user's zone, and it says which. */
    public String startedHeading() {
        return "Started (" + zone.getId() + ")";
    }

    public String started(RunRow r) {
        return RUN_TIME.format(r.startedAt().atZone(zone));
    }

    public static String took(RunRow r) {
        return r.duration() == null ? "" : r.duration().toSeconds() + " s";
    }

    /** A shipped runbook as the list shows it: its folder and file ("sandbox / payment-outage-halts.yaml"). */
    public static String runbookLabel(Path p) {
        Path parent = p.getParent();
        return (parent == null ? "" : parent.getFileName() + " / ") + p.getFileName();
    }

    /** A recent file as the list shows it: "checkout-latency.yaml  (/home/ada/runbooks)", as File → Open Recent. */
    public static String recentLabel(Path p) {
        return p.getFileName() + "  (" + p.getParent() + ")";
    }

    /**
     * A recent file's line in Home's list: its name, and where another recent file has the same
     * name, the folders that tell them apart ("first-gameday.yaml — gameday" beside
     * "first-gameday.yaml — runbooks"): the fewest of the nearest folders that differ.
     */
    public static String recentName(Path p, List<Path> all) {
        String name = String.valueOf(p.getFileName());
        List<Path> twins = all.stream()
                .filter(o -> !o.equals(p) && name.equals(String.valueOf(o.getFileName())))
                .toList();
        Path parent = p.getParent();
        if (twins.isEmpty() || parent == null) {
            return name;
        }
        for (int k = 1; k <= parent.getNameCount(); k++) {
            int depth = k;
            String folders = lastFolders(parent, depth);
            if (twins.stream()
                    .noneMatch(o -> o.getParent() != null
                            && lastFolders(o.getParent(), depth).equals(folders))) {
                return name + " — " + folders;
            }
        }
        return name + " — " + parent;
    }

    private static String lastFolders(Path folder, int k) {
        int n = folder.getNameCount();
        return n == 0
                ? folder.toString()
                : folder.subpath(Math.max(0, n - k), n).toString();
    }

    public static String backendLine(BackendStatus s) {
        return s.backend() + " in " + s.environment() + ": " + (s.available() ? "reachable" : "not reachable");
    }

    public static String backendDetail(BackendStatus s) {
        return s.description() + "\n" + s.detail();
    }

    public ObservableList<Path> runbooks() {
        return runbooksView;
    }

    /** The recent files, newest first (see {@link #showRecent}). */
    public ObservableList<Path> recentFiles() {
        return recentFilesView;
    }

    public ObservableList<RunRow> runs() {
        return runsView;
    }

    public ObservableList<String> gameDays() {
        return gameDaysView;
    }

    public ObservableList<BackendStatus> backends() {
        return backendsView;
    }

    /** True once the shipped runbooks are read. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }
}
