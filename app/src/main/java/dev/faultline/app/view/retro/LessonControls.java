package dev.faultline.app.view.retro;

import dev.faultline.engine.report.Lesson;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jspecify.annotations.Nullable;

/**
 * Under one list of lessons: the field that adds a lesson (Enter), and Edit and Delete for the
 * selected one. Edit (or F2 / Enter on the list) puts its text into the field, Enter saves the
 * change and Escape cancels; Delete (or the Delete key on the list) removes it.
 */
final class LessonControls extends HBox {
    private static final String ADD_PROMPT = "add and press Enter";

    private final RetroLessons lessons;
    private final Lesson.Kind kind;
    private final ListView<String> list;
    private final TextField text;
    private @Nullable Lesson editing;

    LessonControls(RetroLessons lessons, Lesson.Kind kind, ListView<String> list, TextField text) {
        super(6);
        this.lessons = lessons;
        this.kind = kind;
        this.list = list;
        this.text = text;
        Button edit = new Button("Edit");
        edit.setId("retro-lesson-edit-" + kind.name());
        edit.setAccessibleText("Edit the selected lesson in " + kind.heading());
        edit.setOnAction(e -> selected().ifPresent(this::edit));
        Button delete = new Button("Delete");
        delete.setId("retro-lesson-delete-" + kind.name());
        delete.setAccessibleText("Delete the selected lesson in " + kind.heading());
        delete.setOnAction(e -> selected().ifPresent(this::delete));
        edit.disableProperty()
                .bind(list.getSelectionModel().selectedIndexProperty().lessThan(0));
        delete.disableProperty().bind(edit.disableProperty());
        for (Button b : List.of(edit, delete)) {
            b.setMinWidth(Control.USE_PREF_SIZE);
        }
        text.setOnAction(e -> save());
        text.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && editing != null) {
                clear();
                e.consume();
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE) {
                selected().ifPresent(this::delete);
                e.consume();
            } else if (e.getCode() == KeyCode.F2 || e.getCode() == KeyCode.ENTER) {
                selected().ifPresent(this::edit);
                e.consume();
            }
        });
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(80);
        getChildren().addAll(text, edit, delete);
    }

    private Optional<Lesson> selected() {
        int i = list.getSelectionModel().getSelectedIndex();
        List<Lesson> records = lessons.records(kind);
        return i >= 0 && i < records.size() ? Optional.of(records.get(i)) : Optional.empty();
    }

    private void edit(Lesson l) {
        editing = l;
        text.setText(l.text());
        text.setPromptText("change and press Enter; Escape cancels");
        text.requestFocus();
        text.selectAll();
    }

    private void delete(Lesson l) {
        if (editing != null && editing.id() == l.id()) {
            clear();
        }
        lessons.delete(l);
    }

    private void save() {
        Lesson l = editing;
        if (l == null) {
            lessons.add(kind, text.getText(), text::clear);
        } else {
            lessons.edit(l, text.getText(), this::clear);
        }
    }

    private void clear() {
        editing = null;
        text.clear();
        text.setPromptText(ADD_PROMPT);
    }
}
