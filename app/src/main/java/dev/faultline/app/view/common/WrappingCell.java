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
     * The height a wrapping list cell needs for all of its text at {@code width}, the width the list
     * lays it out at (the list asks with the width it then gives the cell; only a question without a
     * width, -1, is answered at the cell's preferred width): a list cell's skin answers the theme's
     * one cell size (AtlantaFX: two lines' worth) whatever the text, and its label then cuts the rest
     * to "…". At least {@code themed}.
     *
     * <p>Measured at the preferred width instead, the answer was for a width other than the one the
     * text is then wrapped at: 22 px narrower than the cell (a line too many, blank), or, while the
     * preferred width still followed an earlier, wider list, wider than it (a line too few: the last
     * line cut to "…").
     */
    public static double heightWrapped(Labeled cell, double width, double themed) {
        String text = cell.getText();
        javafx.scene.Node graphic = cell.getGraphic();
        double beside = graphic == null ? 0 : graphic.prefWidth(-1) + cell.getGraphicTextGap(); // an icon left of it
        double w = (width > 0 ? width : cell.getPrefWidth())
                - cell.snappedLeftInset()
                - cell.snappedRightInset()
                - cell.getLabelPadding().getLeft()
                - cell.getLabelPadding().getRight()
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
                Math.ceil(measure.getLayoutBounds().getHeight())
                        + cell.snappedTopInset()
                        + cell.snappedBottomInset()
                        + cell.getLabelPadding().getTop()
                        + cell.getLabelPadding().getBottom());
    }

    /**
     * The height to lay {@code cell} out at when its list gives it {@code width} x {@code height}: never
     * less than its wrapped text needs at that width, so a height the list measured for another width
     * cannot cut its last line.
     */
    public static double atLeastWrapped(Labeled cell, double width, double height) {
        return Math.max(height, heightWrapped(cell, width, 0));
    }

    @Override
    public void resize(double width, double height) {
        super.resize(width, atLeastWrapped(this, width, height));
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
    }
}
