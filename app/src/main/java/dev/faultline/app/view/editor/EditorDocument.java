package dev.faultline.app.view.editor;

import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.DocumentFiles;
import dev.faultline.app.view.document.Recovery;
import dev.faultline.engine.runbook.LoadedRunbook;
import java.nio.file.Path;
import java.util.Optional;

/** The editor's experiment as a document: its YAML is what is saved, compared and autosaved. */
final class EditorDocument implements DocumentFiles.Hooks {
    private final EditorViewModel model;
    private final EditorActions actions;
    private final Path userFolder;

    EditorDocument(EditorViewModel model, EditorActions actions, Path userFolder) {
        this.model = model;
        this.actions = actions;
        this.userFolder = userFolder;
    }

    @Override
    public String fingerprint() {
        return model.yamlProperty().get();
    }

    @Override
    public String textFor(Path target) {
        return model.yamlProperty().get();
    }

    @Override
    public void savedTo(Path target) {
        model.savedAs(target.toString());
    }

    @Override
    public Optional<String> autosaveText() {
        return Optional.of(model.yamlProperty().get());
    }

    /**
     * Opens the recovered text: as a runbook when it is one; else over the experiment shown (a
     * template's when none is), its problems listed, so no edit is lost.
     */
    @Override
    public void recover(Recovery r, Runnable then) {
        Path file = r.original() != null ? r.original() : userFolder.resolve(r.name());
        try {
            LoadedRunbook runbook = actions.parse(r.text(), file.toString());
            model.open(runbook);
            then.run();
            return;
        } catch (Exception invalid) {
            // an unfinished edit: kept as YAML with its problems, below
        }
        if (model.experiment() != null || actions.templates().isEmpty()) {
            model.editYaml(r.text());
            then.run();
            return;
        }
        Path template = actions.templates().get(0);
        Background.run(
                "editor-recover",
                () -> actions.load(template),
                loaded -> {
                    model.open(loaded);
                    model.savedAs(file.toString());
                    model.editYaml(r.text());
                    then.run();
                },
                err -> Dialogs.error("Could not show the recovered experiment", err));
    }
}
