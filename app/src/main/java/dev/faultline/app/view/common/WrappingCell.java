package dev.faultline.app.view.common;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** A list line that wraps to the list's width instead of running off to the side. */
public final class WrappingCell extends ListCell<String> {
    private WrappingCell(ListView<String> list) {
        setWrapText(true);
        prefWidthProperty().bind(list.widthProperty().subtract(24)); // room for the scroll bar
        setMaxWidth(USE_PREF_SIZE);
    }

    /** Makes every line of {@code list} wrap. */
    public static void wrapLines(ListView<String> list) {
        list.setCellFactory(WrappingCell::new);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
    }
}
