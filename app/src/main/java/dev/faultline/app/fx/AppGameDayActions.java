package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.view.common.ActionItemText;
import dev.faultline.app.view.gameday.GameDayActions;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.runbook.LoadedGameDay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** The planner's requests, answered by the engine and the store. */
final class AppGameDayActions implements GameDayActions {
    private final Composition composition;
    private final List<Path> experiments;
    private final Consumer<Path> run;

    AppGameDayActions(Composition composition, List<Path> experiments, Consumer<Path> run) {
        this.composition = composition;
        this.experiments = experiments;
        this.run = run;
    }

    @Override
    public List<Path> experimentRunbooks() {
        return experiments;
    }

    @Override
    public LoadedGameDay load(Path file) throws Exception {
        LoadedGameDay d = composition.loader.loadGameDay(file);
        composition.loader.loadExperimentsOf(d); // every experiment it names must load too
        return d;
    }

    @Override
    public LoadedGameDay parse(String text, String file) throws Exception {
        return composition.loader.parseGameDay(text, file);
    }

    @Override
    public void run(Path file) {
        run.accept(file);
    }

    @Override
    public List<String> openActionItems() throws Exception {
        return composition.store().retro().openActionItems("").stream()
                .map(ActionItemText::line)
                .toList();
    }

    @Override
    public String experimentTitle(Path runbook) throws Exception {
        return composition.loader.load(runbook).experiment().title();
    }

    /** {@code $FAULTLINE_HOME/runbooks} once there is one, else the user's home folder. */
    @Override
    public Path userFolder() {
        Path own = composition.home.root().resolve("runbooks");
        return Files.isDirectory(own) ? own : Path.of(System.getProperty("user.home", "."));
    }

    @Override
    public Collection<String> environments() {
        return composition.environments.all().stream().map(Environment::name).toList();
    }
}
