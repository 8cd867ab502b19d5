package dev.faultline.app.view.common;

import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;

/** A list line that wraps to the list's width instead of running off to the side. */
public final class WrappingCell extends ListCell<String> {
    private WrappingCell(ListView<String> list) {
        fitTo(this, list);
    }

    /** Makes {@code cell} (with {@link #heightWrapped} as its height) wrap its text to {@code list}'s width. */
    public static void fitTo(Labeled cell, ListView<?> list) {
        cell.setWrapText(true);
        cell.prefWidthProperty().bind(list.widthProperty().subtract(24)); // room for the scroll bar
        cell.setMaxWidth(USE_PREF_SIZE);
        // the height measured for another width is kept until asked again: ask again
        cell.prefWidthProperty().addListener((o, a, b) -> cell.requestLayout());
    }

    /** Makes every line of {@code list} wrap. */
    public static void wrapLines(ListView<String> list) {
        list.setCellFactory(WrappingCell::new);
    }

    /**
     * As high as the wrapped text needs at the cell's width: a list asks for the height without a
     * width, and a label then measures its text unwrapped and cuts it to "…".
     */
    @Override
    protected double computePrefHeight(double width) {
        return heightWrapped(this, width, super.computePrefHeight(width));
    }

    /**
     * The height a wrapping list cell needs for all of its text at its width: a list cell's skin
     * answers the theme's one cell size (AtlantaFX: two lines' worth) whatever the text, and its
     * label then cuts the rest to "…". At least {@code themed}.
     */
    public static double heightWrapped(Labeled cell, double width, double themed) {
        String text = cell.getText();
        javafx.scene.Node graphic = cell.getGraphic();
        double beside = graphic == null ? 0 : graphic.prefWidth(-1) + cell.getGraphicTextGap(); // an icon left of it
        double w = (cell.getPrefWidth() > 0 ? cell.getPrefWidth() : width)
                - cell.snappedLeftInset()
                - cell.snappedRightInset()
                - beside;
        if (text == null || text.isEmpty() || w <= 0) {
            return themed;
        }
        Text measure = new Text(text);
        measure.setFont(cell.getFont());
        measure.setLineSpacing(cell.getLineSpacing());
        measure.setWrappingWidth(w);
        return Math.max(
                themed,
                Math.ceil(measure.getLayoutBounds().getHeight()) + cell.snappedTopInset() + cell.snappedBottomInset());
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
    }
}
