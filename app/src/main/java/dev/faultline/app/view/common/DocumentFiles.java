package dev.faultline.app.view.common;

import dev.faultline.app.view.document.Document;
import dev.faultline.app.view.document.DocumentSession;
import dev.faultline.app.view.document.Recovery;
import dev.faultline.app.view.document.SaveTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The FX side of a screen's document: the dialogs (unsaved changes, file pickers, recovery), the
 * disk writes off the FX thread and the autosave two seconds after the last edit. What to decide
 * is the {@link DocumentSession}'s; what the document holds is the screen's, through {@link Hooks}.
 */
public final class DocumentFiles {
    /** How long after the last edit the unsaved text is autosaved. */
    public static final Duration AUTOSAVE_DELAY = Duration.seconds(2);

    /** What the screen knows of its document. Called on the FX thread. */
    public interface Hooks {
        /** The document's state as text, compared with the saved state to tell an unsaved document. */
        String fingerprint();

        /** The file's text to write at {@code target}; throws with a message for people when it cannot be saved. */
        String textFor(Path target);

        /** The text was written to {@code target}. */
        void savedTo(Path target);

        /** What the autosave keeps (a file's text), when the document can be written at all. */
        Optional<String> autosaveText();

        /** Shows the unsaved work of an earlier session; {@code then} runs once it is shown. */
        void recover(Recovery r, Runnable then);
    }

    private final DocumentSession session;
    private final Hooks hooks;
    private final FilePicker picker;
    private final Supplier<@Nullable Window> window;
    private final Consumer<String> status;
    private final PauseTransition autosave = new PauseTransition(AUTOSAVE_DELAY);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");

    public DocumentFiles(
            DocumentSession session,
            Hooks hooks,
            FilePicker picker,
            Supplier<@Nullable Window> window,
            Consumer<String> status) {
        this.session = session;
        this.hooks = hooks;
        this.picker = picker;
        this.window = window;
        this.status = status;
        autosave.setOnFinished(e -> keepUnsaved());
        session.onChange(this::show);
        session.began(session.document().name(), hooks.fingerprint());
    }

    private void show(Document d) {
        title.set(d.title());
        banner.set(session.banner().orElse(""));
    }

    /** The document changed: the unsaved marker follows, and the autosave is written shortly. */
    public void changed() {
        session.edited(hooks.fingerprint());
        autosave.playFromStart();
    }

    /** The screen shows {@code file}, just read. */
    public void opened(Path file) {
        session.opened(file, hooks.fingerprint());
        autosave.stop();
    }

    /** The screen shows a new, untitled document named {@code name}. */
    public void startedUntitled(String name) {
        session.startedUntitled(name, hooks.fingerprint());
        autosave.stop();
    }

    /** Runs {@code proceed} once the unsaved edits are saved or discarded; not at all on Cancel. */
    public void guard(Runnable proceed) {
        session.edited(hooks.fingerprint());
        if (!session.unsaved()) {
            proceed.run();
            return;
        }
        Document d = session.document();
        UnsavedChanges.ask(window.get(), d.name(), d.kind().noun(), choice -> {
            switch (choice) {
                case SAVE -> save(proceed);
                case DISCARD -> {
                    session.discarded();
                    autosave.stop();
                    proceed.run();
                }
                case CANCEL -> status.accept("kept editing " + d.name());
            }
        });
    }

    /** Asks for a file to open, in the last folder used or the user's. */
    public Optional<Path> pickToOpen(String what) {
        return picker.open(window.get(), what, session.openFolder());
    }

    /** Save: over the user's own file, else (untitled, shipped) to a file people pick. */
    public void save(Runnable then) {
        switch (session.saveTarget()) {
            case SaveTarget.InPlace(Path file) -> write(file, then);
            case SaveTarget.Ask ask -> saveAs(ask, then);
        }
    }

    /** Save As: always to a file people pick. */
    public void saveAs(Runnable then) {
        saveAs(session.saveAsTarget(), then);
    }

    private void saveAs(SaveTarget.Ask ask, Runnable then) {
        if (!ask.why().isEmpty()) {
            status.accept(ask.why());
        }
        String what = ask.why().isEmpty()
                ? "Save the " + session.document().kind().noun() + " as"
                : "Save a copy of " + ask.name();
        picker.save(window.get(), what, ask.folder(), ask.name()).ifPresent(f -> write(f, then));
    }

    /** Writes the document to {@code target} (never a shipped runbook), off the FX thread. */
    public void write(Path target, Runnable then) {
        String text;
        try {
            session.refuseShipped(target);
            text = hooks.textFor(target);
        } catch (IllegalArgumentException e) {
            status.accept("not saved: " + e.getMessage());
            Dialogs.error("Not saved", e);
            return;
        }
        String state = hooks.fingerprint();
        Background.run(
                "save-" + target.getFileName(),
                () -> {
                    Path dir = target.toAbsolutePath().getParent();
                    Files.createDirectories(dir);
                    Path tmp = dir.resolve(target.getFileName() + ".tmp");
                    Files.writeString(tmp, text, StandardCharsets.UTF_8);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                },
                p -> {
                    autosave.stop();
                    session.saved(target, state);
                    session.edited(hooks.fingerprint());
                    status.accept("saved " + target);
                    hooks.savedTo(target);
                    then.run();
                },
                err -> Dialogs.error(
                        "Could not save " + target.getFileName() + " in "
                                + target.toAbsolutePath().getParent(),
                        err));
    }

    /**
     * Offers back what an earlier session left unsaved ("Recover unsaved experiment from 14:02?");
     * runs {@code otherwise} when there is nothing or people discard it, and {@code next} once
     * answered (the next question, one dialog at a time).
     */
    public void offerRecovery(ZoneId zone, Runnable otherwise, Runnable next) {
        Optional<Recovery> left;
        try {
            left = session.leftOver();
        } catch (java.io.IOException e) {
            status.accept("could not read the autosave: " + e.getMessage());
            otherwise.run();
            next.run();
            return;
        }
        if (left.isEmpty()) {
            otherwise.run();
            next.run();
            return;
        }
        Recovery r = left.get();
        ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, r.detail(zone), recover, discard);
        a.setHeaderText(r.question(zone));
        a.setTitle("Unsaved work");
        a.getDialogPane().setId("recover-" + r.kind().name().toLowerCase(java.util.Locale.ROOT));
        Window owner = window.get();
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setOnHidden(e -> {
            if (a.getResult() == recover) {
                hooks.recover(r, () -> {
                    session.recovered(r, ""); // unsaved until saved or discarded
                    session.edited(hooks.fingerprint());
                    status.accept("recovered the unsaved " + r.kind().noun() + " " + r.name() + ": save it to keep it");
                });
            } else {
                session.discarded();
                otherwise.run();
            }
            next.run();
        });
        a.show();
    }

    private void keepUnsaved() {
        session.edited(hooks.fingerprint());
        if (!session.unsaved()) {
            session.autosave("");
            return;
        }
        hooks.autosaveText().ifPresent(session::autosave);
    }

    /** The file name with the unsaved marker: "payment.yaml •". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The read-only banner's text; empty when none. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public DocumentSession session() {
        return session;
    }
}
