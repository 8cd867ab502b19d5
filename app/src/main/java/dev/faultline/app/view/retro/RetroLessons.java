package dev.faultline.app.view.retro;

import dev.faultline.engine.report.Lesson;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/** What went well, what went badly, surprises and follow-ups of the selected run: listed, added, changed, deleted. */
public final class RetroLessons {
    private final RetroActions actions;
    private final RetroWrites writes;
    private final Supplier<@Nullable String> run;
    private final Map<Lesson.Kind, ObservableList<String>> lines = new EnumMap<>(Lesson.Kind.class);
    private final Map<Lesson.Kind, ObservableList<Lesson>> records = new EnumMap<>(Lesson.Kind.class);
    // one read-only view per list, kept: a view made per call would be collected with its listeners
    private final Map<Lesson.Kind, ObservableList<String>> linesView = new EnumMap<>(Lesson.Kind.class);
    private final Map<Lesson.Kind, ObservableList<Lesson>> recordsView = new EnumMap<>(Lesson.Kind.class);

    RetroLessons(RetroActions actions, RetroWrites writes, Supplier<@Nullable String> run) {
        this.actions = actions;
        this.writes = writes;
        this.run = run;
        for (Lesson.Kind k : Lesson.Kind.values()) {
            lines.put(k, FXCollections.observableArrayList());
            records.put(k, FXCollections.observableArrayList());
            linesView.put(k, FXCollections.unmodifiableObservableList(lines.get(k)));
            recordsView.put(k, FXCollections.unmodifiableObservableList(records.get(k)));
        }
    }

    void fill(List<Lesson> read) {
        for (Lesson.Kind k : Lesson.Kind.values()) {
            List<Lesson> of = read.stream().filter(x -> x.kind() == k).toList();
            records.get(k).setAll(of);
            lines.get(k).setAll(of.stream().map(Lesson::text).toList());
        }
    }

    /** Adds a lesson (blank text: nothing); {@code onSaved} runs once it is stored. */
    public void add(Lesson.Kind kind, String text, Runnable onSaved) {
        String r = run.get();
        String t = text.strip();
        if (r == null || t.isEmpty()) {
            return;
        }
        writes.write("retro-lesson", "Could not save", "", () -> actions.addLesson(r, kind, t), () -> {
            lines.get(kind).add(t);
            onSaved.run();
        });
    }

    /** Changes a lesson's text (blank: nothing). */
    public void edit(Lesson l, String text) {
        edit(l, text, () -> {});
    }

    /** Changes a lesson's text (blank: nothing); {@code onSaved} runs once it is stored. */
    public void edit(Lesson l, String text, Runnable onSaved) {
        String t = text.strip();
        if (t.isEmpty()) {
            return;
        }
        writes.write(
                "retro-lesson-edit",
                "Could not save the lesson",
                "lesson saved",
                () -> actions.updateLesson(l.id(), l.kind(), t),
                onSaved);
    }

    public void delete(Lesson l) {
        writes.write(
                "retro-lesson-delete",
                "Could not delete the lesson",
                "lesson deleted",
                () -> actions.deleteLesson(l.id()),
                () -> {});
    }

    public ObservableList<String> lines(Lesson.Kind kind) {
        return linesView.get(kind);
    }

    public ObservableList<Lesson> records(Lesson.Kind kind) {
        return recordsView.get(kind);
    }
}
