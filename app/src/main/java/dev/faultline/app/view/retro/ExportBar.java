package dev.faultline.app.view.retro;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * Export report (PDF, HTML, Markdown, JSON): asks where, proposing the user's folder and a file name
 * with the GameDay and its day; while the report is written (off the FX thread) a spinner and the
 * seconds it has taken; then where it went and Open folder.
 */
final class ExportBar extends HBox {
    private final RetroReportExport export;
    private final ReportSaver saver;

    ExportBar(RetroReportExport export, ReportSaver saver) {
        super(8);
        this.export = export;
        this.saver = saver;
        setAlignment(Pos.CENTER_LEFT);
        MenuButton menu = new MenuButton("Export report");
        menu.setId("retro-export");
        menu.setTooltip(
                new Tooltip("The GameDay report: summary, timeline, charts, results, findings, lessons, actions"));
        for (String f : List.of("pdf", "html", "md", "json")) {
            MenuItem item = new MenuItem(label(f));
            item.setId("retro-export-" + f);
            item.setOnAction(e -> ask(f));
            menu.getItems().add(item);
        }
        menu.disableProperty().bind(export.busyProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("retro-export-progress");
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(export.busyProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label elapsed = new Label();
        elapsed.getStyleClass().add("muted");
        elapsed.visibleProperty().bind(export.busyProperty());
        elapsed.managedProperty().bind(elapsed.visibleProperty());
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> elapsed.setText(export.elapsed())));
        tick.setCycleCount(Timeline.INDEFINITE);
        export.busyProperty().addListener((o, was, busy) -> {
            elapsed.setText("");
            if (busy) {
                tick.play();
            } else {
                tick.stop();
            }
        });
        Button open = new Button("Open folder");
        open.setId("retro-export-open");
        open.visibleProperty().bind(export.writtenProperty().isNotNull());
        open.managedProperty().bind(open.visibleProperty());
        open.setOnAction(e -> export.openFolder());
        getChildren().addAll(menu, spinner, elapsed, open);
    }

    private static String label(String format) {
        return switch (format) {
            case "md" -> "Markdown";
            case "pdf", "html", "json" -> format.toUpperCase(Locale.ROOT);
            default -> format;
        };
    }

    private void ask(String format) {
        Path proposed = export.proposed(format);
        saver.ask(getScene().getWindow(), format, proposed).ifPresent(to -> export.export(format, to));
    }
}
