package dev.faultline.app.view.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The file lifecycle of one screen's document, without a window: what is open and whether it is
 * saved, where Save and Save As go, the recent files, the user's folders and the autosave of
 * unsaved edits. Confined to one thread (the FX thread in the app); the autosave's disk work runs
 * on {@code io}, one write after another in the order asked.
 */
public final class DocumentSession {
    private final DocumentKind kind;
    private final DocumentFolders folders;
    private final RecentFiles recent;
    private final DocumentPreferences prefs;
    private final Autosave autosave;
    private final Executor io;
    private final Consumer<String> ioFailed;
    private final List<Consumer<Document>> listeners = new ArrayList<>();
    private Document document;

    /**
     * @param io runs the autosave's writes, in order (a single thread)
     * @param ioFailed told, on {@code io}, when an autosave could not be written: one line for people
     */
    public DocumentSession(
            DocumentKind kind,
            DocumentFolders folders,
            DocumentPreferences prefs,
            Autosave autosave,
            Executor io,
            Consumer<String> ioFailed) {
        this.kind = kind;
        this.folders = folders;
        this.prefs = prefs;
        this.recent = new RecentFiles(prefs::recentFiles, prefs::setRecentFiles);
        this.autosave = autosave;
        this.io = io;
        this.ioFailed = ioFailed;
        this.document = Document.untitled(kind, "untitled.yaml", "");
    }

    public Document document() {
        return document;
    }

    /** Told of every change of the document or of its state. */
    public void onChange(Consumer<Document> listener) {
        listeners.add(listener);
    }

    /** {@code file} was read, holding {@code text}; a shipped runbook opens read-only. */
    public void opened(Path file, String text) {
        set(Document.opened(kind, file, text, folders.isShipped(file)));
        remember(file);
        clearAutosave();
    }

    /** The screen's first, empty document, before anything is opened; an autosave is left for {@link #leftOver()}. */
    public void began(String name, String text) {
        set(Document.untitled(kind, name, text));
    }

    /** A new document from a template: untitled, saved for the first time into the user's folder. */
    public void startedUntitled(String name, String text) {
        set(Document.untitled(kind, name, text));
        clearAutosave();
    }

    /** The text changed (typing, a form, undo). */
    public void edited(String text) {
        if (!text.equals(document.text())) {
            set(document.edited(text));
        }
    }

    /** True when leaving this document would lose edits, so people must be asked first. */
    public boolean unsaved() {
        return document.dirty();
    }

    /** Where Save goes: in place for the user's own file, asked for when untitled or shipped. */
    public SaveTarget saveTarget() {
        Document d = document;
        if (d.file() != null && !d.readOnly()) {
            return new SaveTarget.InPlace(d.file());
        }
        if (d.readOnly()) {
            return new SaveTarget.Ask(
                    folders.startFolder(lastUsed()),
                    d.name(),
                    d.name() + " ships with Faultline and is never overwritten: save your copy in your own folder.");
        }
        return new SaveTarget.Ask(folders.startFolder(lastUsed()), d.name(), "");
    }

    /** Where Save As goes: always asked for, starting in the last folder used or the user's. */
    public SaveTarget.Ask saveAsTarget() {
        return new SaveTarget.Ask(folders.startFolder(lastUsed()), document.name(), "");
    }

    /** Where Open starts. */
    public Path openFolder() {
        return folders.startFolder(lastUsed());
    }

    /**
     * {@code text} was written to {@code file}: the user's file from now on.
     *
     * @throws IllegalArgumentException when {@code file} is a shipped runbook, which is never written
     */
    public void saved(Path file, String text) {
        refuseShipped(file);
        set(document.savedAs(file, text).edited(document.text())); // edits made while it was written stay unsaved
        remember(file);
        clearAutosave();
    }

    /** Refuses a shipped runbook as a place to save, with what to do instead. */
    public void refuseShipped(Path file) {
        if (folders.isShipped(file)) {
            throw new IllegalArgumentException(file.getFileName() + " is a runbook shipped with Faultline ("
                    + folders.shipped() + "): save a copy in " + folders.userRunbooks() + " instead");
        }
    }

    /** The unsaved edits are dropped: their autosave goes too. */
    public void discarded() {
        set(document.edited(document.savedText()));
        clearAutosave();
    }

    /** Keeps {@code content} (the unsaved state, as a file would hold it) in the autosave, or clears it once saved. */
    public void autosave(String content) {
        Document d = document;
        if (!d.dirty()) {
            clearAutosave();
            return;
        }
        io.execute(() -> {
            try {
                autosave.write(d, content);
            } catch (IOException | RuntimeException e) {
                ioFailed.accept("could not keep the unsaved " + kind.noun() + " in " + autosave.folder() + ": "
                        + e.getMessage() + "; save it to keep it");
            }
        });
    }

    /** What an earlier session left unsaved, if anything. */
    public Optional<Recovery> leftOver() throws IOException {
        return autosave.find(kind);
    }

    /**
     * Takes back the unsaved work of an earlier session: the text of {@code r}, unsaved, against
     * {@code savedText} (what its file holds now, empty when it has none).
     */
    public void recovered(Recovery r, String savedText) {
        Path f = r.original();
        set(
                f == null
                        ? new Document(kind, null, r.name(), savedText, r.text(), false)
                        : new Document(kind, f, r.name(), savedText, r.text(), folders.isShipped(f)));
        autosave(r.text());
    }

    /** The read-only banner, for a shipped runbook. */
    public Optional<String> banner() {
        return document.readOnly()
                ? Optional.of("Read-only: " + document.name() + " ships with Faultline. Edit it freely; "
                        + "Save makes a copy in your folder " + folders.userRunbooks() + ".")
                : Optional.empty();
    }

    /** The recent files, newest first. */
    public RecentFiles recent() {
        return recent;
    }

    public DocumentFolders folders() {
        return folders;
    }

    private @org.jspecify.annotations.Nullable Path lastUsed() {
        String f = prefs.lastFolder();
        return f == null ? null : Path.of(f);
    }

    private void remember(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        recent.add(abs);
        if (abs.getParent() != null && !folders.isShipped(abs)) {
            prefs.setLastFolder(abs.getParent().toString());
        }
    }

    private void clearAutosave() {
        io.execute(() -> {
            try {
                autosave.clear(kind);
            } catch (IOException | RuntimeException e) {
                ioFailed.accept("could not remove the autosave in " + autosave.folder() + ": " + e.getMessage());
            }
        });
    }

    private void set(Document d) {
        document = d;
        for (Consumer<Document> l : List.copyOf(listeners)) {
            l.accept(d);
        }
    }
}
