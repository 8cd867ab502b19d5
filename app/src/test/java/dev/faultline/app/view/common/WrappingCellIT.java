package dev.faultline.app.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A wrapping list line is laid out as high as its text wrapped at the width the cell is given, in a
 * list beside a scrolling detail as the retrospective's run list is: for every list width from 180
 * to 700 px, narrowing and widening, and after its lines are read again (replaced, one longer). The
 * cell's height is measured against the text's own height at the cell's width, and the text as
 * drawn is the whole line (not cut to "…"), nor a blank line taller than it needs.
 */
class WrappingCellIT {
    private static final String LONG =
            "First GameDay on the practice shop with the payments, inventory and database teams together ·"
                    + " 2 runs, last COMPLETED";
    private static final String LESSON = "the alert fired in 40 s but nobody looked at the dashboard until the"
            + " payments team said checkout was failing";

    private final FxRobot robot = new FxRobot();
    private final AtomicReference<ListView<String>> list = new AtomicReference<>();
    private final AtomicReference<VBox> side = new AtomicReference<>();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyLineIsAsHighAsItsTextAtTheWidthItIsGivenAtEveryWidthAndAfterAReload() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage s) -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            ListView<String> l = new ListView<>(FXCollections.observableArrayList(LONG, LESSON, "short"));
            WrappingCell.wrapLines(l);
            VBox left = new VBox(8, new Label("GameDay runs"), l);
            left.setPadding(new Insets(12));
            SplitPane.setResizableWithParent(left, false);
            Region tall = new Region();
            tall.setPrefHeight(1200);
            ScrollPane detail = new ScrollPane(new VBox(tall));
            detail.setFitToWidth(true);
            SplitPane split = new SplitPane(left, detail);
            split.setDividerPositions(0.3);
            Scene scene = new Scene(split, 1440, 900);
            scene.getStylesheets()
                    .add(WrappingCellIT.class
                            .getResource("/dev/faultline/app/fx/faultline.css")
                            .toExternalForm());
            s.setScene(scene);
            s.show();
            list.set(l);
            side.set(left);
        });
        List<String> wrong = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (int w = 700; w >= 180; w -= 7) {
            widths.add(w); // narrowing: the cells were measured at a wider list just before
        }
        for (int w = 180; w <= 700; w += 11) {
            widths.add(w);
        }
        int step = 0;
        for (int w : widths) {
            int width = w;
            boolean reload = step++ % 3 == 0;
            robot.interact(() -> {
                side.get().setMinWidth(width);
                side.get().setMaxWidth(width);
                if (reload) { // read again: the lines replaced, the first one longer or shorter
                    List<String> again = new ArrayList<>(list.get().getItems());
                    again.set(0, again.get(0).endsWith("again") ? LONG : LONG + " · read again");
                    list.get().getItems().setAll(again);
                    list.get().getSelectionModel().select(0);
                }
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> wrong.addAll(misfits(list.get())));
        }
        assertThat(wrong).as("lines laid out other than as high as their text").isEmpty();
    }

    /** The filled lines of {@code l} cut to "…" or lower than their text, or a line higher than it needs. */
    private static List<String> misfits(ListView<String> l) {
        List<String> out = new ArrayList<>();
        for (var n : l.lookupAll(".list-cell")) {
            ListCell<?> c = (ListCell<?>) n;
            if (c.isEmpty() || c.getText() == null || !c.isVisible()) {
                continue;
            }
            Text drawn = (Text) c.lookup(".text");
            String shown = drawn.getText().replace("\n", " ").replaceAll(" +", " ");
            Text own = new Text(c.getText());
            own.setFont(c.getFont());
            own.setWrappingWidth(c.getWidth() - c.snappedLeftInset() - c.snappedRightInset());
            double needed = Math.ceil(own.getLayoutBounds().getHeight()) + c.snappedTopInset() + c.snappedBottomInset();
            double themed = 3 * c.getFont().getSize(); // AtlantaFX's cell size: 3em
            String at = "list " + l.getWidth() + ", cell " + c.getWidth() + " x " + c.getHeight() + ", text needs "
                    + needed + ": ";
            if (!shown.equals(c.getText())) {
                out.add(at + "drawn as '" + drawn.getText().replace("\n", "|") + "'");
            } else if (c.getHeight() < needed - 0.5) {
                out.add(at + "lower than its text");
            } else if (c.getHeight() > Math.max(needed, themed) + 0.5) {
                out.add(at + "higher than its text: a blank line");
            }
        }
        return out;
    }
}
